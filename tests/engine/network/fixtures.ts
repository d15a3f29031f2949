// Shared expectations for networking tests.

/** The start of nginx's welcome page as the image serves it. */
export const NGINX_WELCOME_START = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>';
