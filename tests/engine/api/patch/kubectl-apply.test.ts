// The patches kubectl v1.32 sends for everyday commands on a Deployment (apply, set image, rollout restart,
// label) and what the API server makes of them. The apply patch is the one traced from the real kubectl
// (see shared/spec/KUBECTL-PROTOCOL.md) and was checked against k8s.io/apimachinery.
import { describe, expect, it } from 'vitest';
import {
  createMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
} from '../../../../src/engine/api/patch/create-patch';
import { deepFreeze, type JsonObject } from '../../../../src/engine/api/patch/json-value';
import { applyMergePatch } from '../../../../src/engine/api/patch/merge-patch';
import { applyStrategicMergePatch } from '../../../../src/engine/api/patch/strategic-merge-patch';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';
import { deploymentMeta } from './k8s-meta';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function manifest(replicas: number, image: string, ports: JsonObject[] = [{ containerPort: 80 }]): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image, ports }] },
      },
    },
  };
}

/** The annotation kubectl stores: the manifest with annotations {} and the namespace, compact, sorted, "\n". */
function lastApplied(m: JsonObject): string {
  const metadata = { ...(m.metadata as JsonObject), annotations: {}, namespace: 'default' };
  return stableStringify({ ...m, metadata }) + '\n';
}

/** What kubectl diffs against: the manifest carrying its own last-applied annotation. */
function withAnnotation(m: JsonObject): JsonObject {
  const metadata = { ...(m.metadata as JsonObject), annotations: { [LAST_APPLIED]: lastApplied(m) }, namespace: 'default' };
  return { ...m, metadata };
}

/** The live object after the first apply: server defaults, controller annotations and status. */
function liveAfterFirstApply(m: JsonObject): JsonObject {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u1',
      resourceVersion: '1234',
      generation: 1,
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '1', [LAST_APPLIED]: lastApplied(m) },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        { type: 'Available', status: 'True' },
        { type: 'Progressing', status: 'True' },
      ],
    },
  });
}

/** kubectl apply's patch computation: original from the live annotation, modified with the new one. */
function applyPatch(live: JsonObject, next: JsonObject): JsonObject {
  const annotations = (live.metadata as JsonObject).annotations as JsonObject;
  const original = JSON.parse(annotations[LAST_APPLIED] as string);
  return createThreeWayMergePatch(original, withAnnotation(next), live, deploymentMeta);
}

describe('kubectl apply of a changed Deployment', () => {
  const v1 = manifest(2, 'nginx:1.25');
  const v2 = manifest(3, 'nginx:1.26');
  const live = liveAfterFirstApply(v1);

  it('sends exactly the patch kubectl v1.32 sends', () => {
    expect(stableStringify(applyPatch(live, v2))).toBe(
      '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"app\\":\\"web\\"},\\"name\\":\\"web\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"replicas\\":3,\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"web\\"}},\\"template\\":{\\"metadata\\":{\\"labels\\":{\\"app\\":\\"web\\"}},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.26\\",\\"name\\":\\"web\\",\\"ports\\":[{\\"containerPort\\":80}]}]}}}}\\n"}},"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.26","name":"web"}]}}}}',
    );
  });

  it('updates the live object and keeps defaults, status and controller annotations', () => {
    const patched = applyStrategicMergePatch(live, applyPatch(live, v2), deploymentMeta) as any;
    expect(patched.spec.replicas).toBe(3);
    expect(patched.spec.template.spec.containers).toEqual([
      {
        name: 'web',
        image: 'nginx:1.26',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ]);
    expect(patched.spec.strategy).toBe(live.spec && (live.spec as any).strategy);
    expect(patched.status).toBe(live.status);
    expect(patched.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      [LAST_APPLIED]: lastApplied(v2),
    });
  });

  it('sends nothing when the manifest is unchanged ("unchanged")', () => {
    expect(isEmptyPatch(applyPatch(live, v1))).toBe(true);
  });

  it('deletes what was removed from the manifest but keeps what others added', () => {
    const withTwoPorts = manifest(2, 'nginx:1.25', [{ containerPort: 80 }, { containerPort: 443 }]);
    const base = liveAfterFirstApply(withTwoPorts) as any;
    const liveTwoPorts = deepFreeze({
      ...base,
      spec: {
        ...base.spec,
        template: {
          ...base.spec.template,
          spec: {
            ...base.spec.template.spec,
            containers: [
              {
                ...base.spec.template.spec.containers[0],
                ports: [
                  { containerPort: 80, protocol: 'TCP' },
                  { containerPort: 443, protocol: 'TCP' },
                ],
              },
              { name: 'injected-sidecar', image: 'proxy:1' },
            ],
          },
        },
      },
    });
    const patch = applyPatch(liveTwoPorts, manifest(2, 'nginx:1.25'));
    expect((patch.spec as any).template).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }],
        containers: [
          {
            name: 'web',
            '$setElementOrder/ports': [{ containerPort: 80 }],
            ports: [{ containerPort: 443, $patch: 'delete' }],
          },
        ],
      },
    });
    const patched = applyStrategicMergePatch(liveTwoPorts, patch, deploymentMeta) as any;
    expect(patched.spec.template.spec.containers.map((c: any) => [c.name, c.ports])).toEqual([
      ['web', [{ containerPort: 80, protocol: 'TCP' }]],
      ['injected-sidecar', undefined],
    ]);
  });
});

describe('other kubectl commands on a Deployment', () => {
  const live = liveAfterFirstApply(manifest(2, 'nginx:1.25')) as any;

  it('set image sends a two-way strategic patch with $setElementOrder', () => {
    const edited = structuredClone(live);
    edited.spec.template.spec.containers[0].image = 'nginx:1.27';
    expect(stableStringify(createTwoWayMergePatch(live, edited, deploymentMeta))).toBe(
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.27","name":"web"}]}}}}',
    );
  });

  it('rollout restart adds the restartedAt template annotation', () => {
    const restarted = structuredClone(live);
    restarted.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T12:00:00Z' };
    expect(stableStringify(createTwoWayMergePatch(live, restarted, deploymentMeta))).toBe(
      '{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2024-05-01T12:00:00Z"}}}}}',
    );
  });

  it('label sends a JSON merge patch of the labels', () => {
    const labelled = structuredClone(live);
    labelled.metadata.labels = { app: 'web', tier: 'frontend' };
    const patch = createMergePatch(live, labelled);
    expect(stableStringify(patch)).toBe('{"metadata":{"labels":{"tier":"frontend"}}}');
    expect((applyMergePatch(live, patch) as any).metadata.labels).toEqual({ app: 'web', tier: 'frontend' });
  });

  it('label --overwrite removing a label sends null', () => {
    const unlabelled = structuredClone(live);
    unlabelled.metadata.labels = {};
    expect(stableStringify(createMergePatch(live, unlabelled))).toBe('{"metadata":{"labels":{"app":null}}}');
  });
});
