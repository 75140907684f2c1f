/**
 * In the methods of a change on a team server's live stream: a change made outside that server
 * (another server or the command line on the same database), which may have touched any data.
 */
export const ANY_DATA = '*';
