/** Texts the panel's API writes itself: in English, with exactly the Italian keys. */
import type { PanelServerTexts } from './server.it';

export const serverEn: PanelServerTexts = {
  httpStatus: {
    '400': 'Invalid request.',
    '401': 'Authentication required.',
    '403': 'Not allowed.',
    '404': 'Not found.',
    '405': 'Method not allowed.',
    '413': 'Request too large.',
    '415': 'Unsupported content type.',
    '429': 'Too many requests: try again shortly.',
    '500': 'Internal error.',
    '503': 'Service temporarily unavailable.',
  },
  territory: {
    noZone: 'Outside the zones',
    allReports: 'All reports',
    windowTooLong: 'Invalid request: the window can be at most {days} days long.',
    exportTooLarge: 'Too many reports to export ({count}; at most {max}): narrow the filters (the dates, for example) and try again.',
  },
  timeline: {
    location: 'Location',
    photo: 'Photo',
    photoNotReceived: 'Photo not received',
    voice: 'Voice note',
    voiceNotReceived: 'Voice note not received',
    unsupported: 'Unsupported message ({type})',
    addedPhoto: 'a photo',
    addedMessage: 'a message',
    notSolved: 'the citizen says the problem is not solved',
  },
  passwordHarder: 'Choose a password that is harder to guess.',
};
