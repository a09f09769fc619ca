/** Adding to an open report and the after-close answer, in English (see care.types.ts). */
import type { CarePrompts, FollowUpWhat } from './care.types';

const whatEn = (what: FollowUpWhat) => (what === 'photo' ? 'this photo' : what === 'text' ? 'this message' : 'photos or details');

export const careEn: CarePrompts = {
  followUp: {
    words: ['add', 'add photo', 'add a photo', 'add more', 'another photo', 'more photos', 'add details'],
    askOne: ({ ticket, what }) => `Would you like to add ${whatEn(what)} to your report ${ticket}, which is still open?`,
    askWhich: ({ what }) => `You have more than one open report: which one should ${whatEn(what)} go to?`,
    addTo: (ticket) => `Yes, add to ${ticket}`,
    newReport: 'No, it’s a new report',
    yesWords: ['yes', 'ok', 'add', 'sure', 'yes please'],
    newWords: ['no', 'new', 'new report', 'something else'],
    notUnderstood: 'Sorry, I did not understand: tap one of the choices below (or type its number).',
    help: 'Pick the report to add photos or details to, or “new report” if it is about something else.',
    sendNow: ({ ticket, photosLeft }) =>
      photosLeft > 0
        ? `All right: send me the photos (up to ${photosLeft} more) or write what to add to report ${ticket}.`
        : `All right: write what to add to report ${ticket} (it already has the most photos allowed).`,
    added: ({ ticket, photo, photos, max }) =>
      photo
        ? `📷 Photo added to report ${ticket} (${photos} of ${max}): the Municipal Police see it right away. You can send more or write a detail; when you are done tap “Done”.`
        : `✍️ I added your message to report ${ticket}: the Municipal Police see it right away. When you are done tap “Done”.`,
    photoLimit: ({ ticket, max }) =>
      `Report ${ticket} already has ${max} photos, the most allowed: I cannot add more. You can still write a detail.`,
    closed: (ticket) =>
      `Report ${ticket} is closed: nothing more can be added to it. If the problem is still there, let’s make a new report.`,
    nothingOpen: 'You have no open report to add to. Let’s make a new report.',
    done: { label: 'Done', words: ['done', 'finished', 'that is all', "that's all", 'ok done'] },
    finished: (ticket) => `Thank you! Report ${ticket} is updated. Write “status” to follow it.`,
  },
  resolution: {
    words: {
      solved: ['yes', 'solved', 'fixed', 'yes solved', 'yes it is', 'all good', "it's gone", 'gone', 'sorted', 'all sorted', 'cleaned up', 'repaired', 'removed', 'taken away'],
      not_solved: ['no', 'not solved', 'not fixed', 'no not solved', 'nope', 'nothing has changed', 'nothing changed', 'same as before', 'only partly', 'partly', 'not really'],
      still_there: ['still there', 'it is still there', "it's still there", 'its still there', 'still', 'still the same', 'still here'],
    },
    solved: (ticket) => `Thank you for letting us know that the problem of report ${ticket} is solved! 😊`,
    reopened: (ticket) =>
      `Thank you for telling us: I reopened report ${ticket} and the Municipal Police will look at it again. You can add a photo with “add”.`,
    followUp: ({ ticket, newTicket }) =>
      `Thank you for telling us: I opened report ${newTicket}, linked to ${ticket}, and the Municipal Police will look at it. You can add a photo with “add”.`,
    late: (ticket) =>
      `Thank you, I noted your answer on report ${ticket}. It is too late to reopen it: if the problem is still there, write to me and we will make a new report.`,
  },
};
