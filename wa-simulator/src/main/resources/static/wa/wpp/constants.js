/* The WhatsApp Web build the simulator claims to be, and its limits. */
var WA_VERSION = '2.3000.1029950210';
var FILE_LIMIT = 100 * 1024 * 1024;
var FRESH_LOGIN_SYNC_MS = 1500;

export { FILE_LIMIT, FRESH_LOGIN_SYNC_MS, WA_VERSION };
