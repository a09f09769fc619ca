/**
 * Pages the web role serves beside the panel's front end, linked from its navigation. No imports,
 * so the front end can import this file.
 */

/** The admins' job queues page (Bull Board, src/queue/queue-board.ts), inside the panel's API. */
export const QUEUE_BOARD_PATH = '/api/admin/queues/';

/** The admins' API reference page of the front end (reads /api/docs/openapi.json). */
export const API_DOCS_PAGE = '/documentazione-api';
