/** What the report dialog says in English. Keep it saying the same things as it.ts. */
import type { ReportPrompts } from './types';
import { limitsEn, rightsEn } from './rights.en';
import { voiceEn } from './voice.en';
import { careEn } from './care.en';
import { noticesEn } from './notices.en';
import { channelsEn } from './channels.en';
import { simulatorEn } from './simulator.en';

export const en: ReportPrompts = {
  // --- engine ---------------------------------------------------------------------------------
  emergency:
    '🚨 If someone is in danger right now, call 112 immediately. This service is not watched in real time and does not replace the emergency numbers.',
  unsupported: {
    other: 'Sorry, I cannot listen to voice notes or open videos, stickers or documents (send a photo as a photo).',
    photo: 'Thank you, but a photo does not answer this question.',
    location: 'Thank you, but a location does not answer this question.',
    text: 'I cannot use a text message here.',
  },
  cancelled: 'OK, I cancelled the report: it was not sent. Write to me whenever you want to make a new one.',
  cancelledBeforeConsent: 'All right, no problem: I have not kept anything. Write to me if you change your mind. For emergencies call 112.',
  nothingToCancel: 'You have no report in progress. To make a new one, just send me any message.',
  backAtStart: 'We are already at the first question.',
  expired: '⌛ The report you had started was left for more than 24 hours and has been deleted without being sent.',
  resumeQuestion: 'Welcome back! You had a report half done. Do you want to continue where you left off or start again?',
  resumeChoices: { resume: 'Continue', restart: 'Start again' },
  resumeWords: {
    resume: ['resume', 'go on', 'carry on', 'yes'],
    restart: ['restart', 'start over', 'from scratch', 'new', 'no'],
  },
  resumed: 'OK, let us continue.',
  restarted: 'OK, let us start again.',
  restartedAfterUpdate: 'We have updated the service and the report you had started cannot be continued: sorry, let us start again.',
  languageSwitched: "OK, from now on we speak English. (Scrivi «italiano» per tornare all'italiano.)",
  notUnderstood: 'Sorry, I did not understand.',
  alreadyInProgress: 'You already have a report in progress: let us continue from here.',
  helpOffer: '💡 Let me help:',
  generalHelp:
    'With Vicinato you report safety and urban-decay problems to the municipal police. Send me any message and I will ask a few questions: what is happening, where, a photo if you have one and a short description. 🚨 For emergencies call 112.',
  commandsHelp:
    'At any time you can write: «back» to go to the previous question, «cancel» to drop the report, «status» to see your reports, «alerts» for area alerts, «privacy» for the privacy notice, «italiano» to switch to Italian.',
  commandWords: {
    cancel: ['cancel', 'abort', 'quit', 'exit', 'forget it', 'forget about it', 'never mind', 'nevermind', 'i changed my mind', 'changed my mind'],
    back: ['back', 'go back', 'previous'],
    help: ['help', 'help me', 'how does it work', 'i do not understand'],
    status: ['status', 'my reports', 'reports'],
    privacy: ['privacy', 'privacy notice', 'privacy policy'],
    language: ['language', 'change language'],
    english: ['english', 'in english'],
    italian: ['italian', 'in italian'],
    start: ['new report', 'report', 'hello', 'hi'],
  },
  asideClosed: 'OK, I closed the alerts menu.',
  asideDone: 'Let us go back to the report you were making.',
  voice: voiceEn,

  // --- first contact and consent -----------------------------------------------------------------
  welcome: ({ town, hours, closedUntil }) =>
    [
      `👋 Hello! I am Vicinato, the service of the Municipality of ${town} for reporting safety and urban-decay problems to the municipal police: abandoned waste, broken street lights, vandalism, suspicious activity and more.`,
      '🚨 This is not an emergency service: if someone is in danger right now, call 112 immediately.',
      `🕗 Reports are read ${hours}.${closedUntil ? ` The service is closed now: it reopens ${closedUntil}.` : ''}`,
    ].join('\n\n'),
  consent: {
    question: ({ controller }) =>
      [
        '🔒 Before we start, privacy in short:',
        '• we keep what you send us for the report (what, where, description, photos) and the messages of this chat, so that we can answer you;',
        '• who you are and your photos are seen only by the municipal police: they are never published;',
        `• data controller: ${controller}.`,
        'Write «privacy» for the full notice.',
        '',
        'Do you accept?',
      ].join('\n'),
    choices: {
      labels: { accept: 'I accept', refuse: 'I do not accept' },
      words: {
        accept: ['accept', 'yes', 'ok', 'okay', 'agree', 'i agree', 'sure'],
        // Not "refuse": in British English it also means rubbish, a likely first answer.
        refuse: ['do not accept', "don't accept", 'no', 'decline', 'no thanks', 'i do not agree'],
      },
    },
    notUnderstood: 'To continue I need you to accept the notice: answer «I accept» or «I do not accept».',
    keptForLater: 'I received your report: I will read it as soon as you accept the notice. Answer «I accept» or «I do not accept».',
    accepted: 'Thank you! 🙏',
    refused: 'All right, no problem: I have not kept anything. Write to me if you change your mind. For emergencies call 112.',
    outdated: 'The privacy notice has been updated: please read it and accept it again before we continue.',
    help: 'I ask you to accept the notice because without your consent I cannot record the report. Write «privacy» to read all of it, then answer «I accept» or «I do not accept».',
  },
  privacyNotice: ({ controller, version }) =>
    [
      `🔒 Privacy notice (version ${version})`,
      `Data controller: ${controller}.`,
      'What we keep: the reports you send (what, how sure you are, place, description, photos), the messages of this chat and an anonymous code instead of your number or user name. Your contact is kept in a separate store and is used only to answer you.',
      'Who sees it: your identity and photos only the officers of the municipal police. We remove hidden data from photos (such as the GPS position). Public data about reports never contains names, contacts or photos; for sensitive cases not even the description or the exact spot.',
      'Why: to handle your report and, if needed, to ask you for details.',
      'Your rights: you can ask the data controller to see, correct or delete your data.',
    ].join('\n\n'),
  yesNo: {
    labels: { yes: 'Yes', no: 'No' },
    words: {
      yes: ['yes', 'yeah', 'yep', 'ok', 'okay', 'right', 'correct', 'exactly', 'sure'],
      no: ['nope', 'wrong', 'not right', 'incorrect', 'not this'],
    },
  },
  newReport: 'Hello! 👋 Let us make a new report.',
  whenKept: (when) => `OK, «${when}»: noted.`,
  thanks: {
    words: ['thanks', 'thank you', 'thx', 'ok thanks', 'great thanks'],
    courtesy: [
      'thank you very much', 'thanks a lot', 'many thanks', 'thanks so much', 'much appreciated', 'cheers', 'ty', 'ta',
      'great', 'perfect', 'brilliant', 'awesome', 'cool', 'ok', 'okay', 'have a nice day', 'have a good day', 'bye', 'goodbye',
      'see you', 'kind regards', 'regards',
    ],
    reply: 'Thank you! 😊 Write to me whenever you want to make another report.',
  },
  serviceQuestions: {
    anonymity:
      '🔒 Only officers of the municipal police can see your contact, when their work needs it, and every time is recorded. It is never shown to anyone else, least of all the person reported, and nothing you write is published with your name.',
    hours: (hours) => `🕗 Reports are read ${hours}. This is not an emergency service: if someone is in danger right now, call 112.`,
    whatNext:
      'After you send it, an officer of the municipal police reads the report, asks you questions here in the chat if needed, and decides how to act, for example by sending a patrol. I will write to you at every step; write "status" to see where it is.',
    photo: '📷 Yes, just send it here in the chat: only the municipal police will see it. Avoid photographing faces and number plates if not needed.',
  },
  greetings: ['hello', 'hi', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening'],

  // --- the questions -------------------------------------------------------------------------------
  category: {
    prompt: 'What would you like to report? Choose a category, or describe the problem in a few words.',
    help: 'Tell me the kind of problem: answer with the number or the name of the category (for example «waste»), or describe it in your own words. If none fits, choose «Other».',
    notUnderstood: 'I did not understand what kind of problem it is.',
    ambiguous: (labels) => `I am not sure: do you mean ${labels.map((l) => `«${l}»`).join(' or ')}?`,
    suggest: (label) => `Do you mean: «${label}»?`,
    suggestionRejected: 'OK, then please choose the category.',
    either: (first, second) => `Do you mean «${first}» or «${second}»?`,
    neither: 'Neither',
    changeOfMind: ['i meant', 'i mean', 'my mistake', 'wrong one', 'no wait', 'actually', 'sorry it is', 'sorry its', 'not that'],
    chosen: (label) => `OK: ${label}.`,
  },
  oneMessage: {
    understood: ({ where, when, photos }) =>
      ['I understood:', where && `• Where: ${where}`, when && `• When: ${when}`, photos > 0 && `• Photos: ${photos}`, '• Description: your message']
        .filter(Boolean)
        .join('\n'),
    placeNotFound: (place) => `I could not find «${place}» in the municipality: I will ask you in a moment.`,
    placeLookupDown: (place) => `I cannot look up «${place}» on the map right now: I will ask you in a moment.`,
  },
  reliability: {
    keptForLater: 'OK, noted. But first tell me what it is about.',
    prompt: 'How do you know?',
    labels: { seen: 'I saw it myself', heard: 'Someone told me', unsure: 'I am not sure' },
    words: {
      seen: [
        'saw', 'seen', 'i saw it', 'myself', 'with my own eyes', 'witness', 'i was there', 'i live opposite', 'i live next door',
        'from my window', 'in front of my house', 'i can see it', 'i see it', 'i am sure', 'certain', 'heard it myself',
        'i hear it', 'i can hear it', 'i hear them', 'i can hear them', 'from my bedroom', 'from my flat', 'from my house',
      ],
      heard: [
        'told', 'heard', 'someone told me', 'i was told', 'others', 'hearsay', 'people say', 'they say', 'rumour', 'rumor',
        'my wife', 'my husband', 'a friend', 'my neighbour', 'my neighbor', 'someone said',
      ],
      unsure: ['not sure', 'unsure', 'maybe', 'dunno', "don't know", 'do not know', 'i think so', 'perhaps', 'probably', 'not certain', 'it seems'],
    },
    help: 'Tell me whether you saw the situation with your own eyes, whether someone else told you about it, or whether you are not sure: it helps the officers decide how to act.',
    notUnderstood: 'Sorry, I did not understand.',
  },
  location: {
    prompt: '📍 Where? Send me the location (📎 › Location) or type the address, for example «Via del Popolo 12, Lammari».',
    promptIn: (area) => `📍 Where exactly in ${area}? Send me the location (📎 › Location) or type the street, for example «Via del Popolo 12».`,
    pinOnly: '📍 Please send me the location of the problem: 📎 › Location.',
    help: 'I need the place of the problem. The most precise way is the location: tap 📎 and then «Location» (you can move the pin to the right spot). Otherwise type the street, house number and village.',
    notFound: 'I could not find this address. Try with street and house number plus the village, or send me the location.',
    geocoderDown: 'I cannot look up typed addresses at the moment.',
    outside: ({ town, address }) =>
      `${address ? `«${address}» is` : 'This point is'} outside the Municipality of ${town}: I can only take reports within the municipality. For other towns please contact their municipal police.`,
    confirm: (address) => `I found: ${address}. Is this the right place?`,
    confirmRejected: 'OK, let us try again.',
    received: ({ address, zone }) => `📍 Got it: ${[address, zone && `area ${zone}`].filter(Boolean).join(', ')}.`,
    pinWithoutAddress: 'location on the map',
  },
  photo: {
    prompt: '📷 Do you have a photo? Send it now: only the municipal police will see it. If you do not have one, write «skip».',
    skip: {
      labels: { skip: 'Skip' },
      words: {
        skip: ['skip', 'no', 'none', 'no photo', 'without photo', 'salta', 'nope', 'not now', 'later', "i don't have one", "don't have one", "i don't have a photo", "don't have a photo", "dont have a photo", 'no photos', "haven't got one", "i didn't take one", "i didn't take a photo", 'next', 'go on', 'continue', "can't"],
      },
    },
    help: 'A photo helps the officers understand the situation, but it is not required. Avoid photographing faces and number plates if not needed. To go on without a photo write «skip».',
    received: '📷 Photo received.',
    skipped: 'OK, no photo.',
    tooLarge: 'The photo is too large. Try sending it at a lower quality, or write «skip».',
    notAnImage: 'This file is not a photo. Send me an image (JPEG or PNG), or write «skip».',
    failed: 'I could not receive the photo. Please try again, or write «skip».',
    expected: 'I was expecting a photo.',
    extraAdded: '📷 I added this photo too.',
    detailsAdded: 'OK, I added that to the description.',
    detailsKept: 'OK, I will keep that as the description.',
    limitReached: (max) => `I already have ${max} photos, that is enough.`,
  },
  description: {
    prompt: (max) =>
      `✏️ Now describe briefly what is happening (at most ${max} characters): what you saw, when, whether it is still going on.`,
    help: (max) =>
      `Tell me in a few lines what is happening, since when and whether it is happening now (at most ${max} characters). Do not write names or details of other people unless needed.`,
    tooLong: ({ length, max }) => `The text is too long: ${length} characters, the maximum is ${max}. Could you shorten it?`,
    tooShort: 'Please write a few more words.',
  },
  summary: {
    title: '📋 Here is the summary:',
    fields: { category: 'What', reliability: 'How you know', location: 'Where', photo: 'Photos', description: 'Description' },
    when: 'When',
    photos: (count) => (count === 0 ? 'none' : count === 1 ? '1 photo' : `${count} photos`),
    question: 'Is everything right? Choose «Send» to send it to the municipal police.',
    actions: {
      labels: { send: 'Send', edit: 'Change', cancel: 'Cancel' },
      words: {
        send: ['send it', 'submit', 'confirm', 'yes', 'ok', 'okay', 'all right', 'correct'],
        edit: ['edit', 'modify', 'fix', 'correct something', 'wrong', 'no'],
        cancel: ['cancel it'],
      },
    },
    help: '«Send» sends the report to the municipal police, «Change» lets you change an answer, «Cancel» deletes it without sending.',
    notUnderstood: 'Sorry, I did not understand.',
    incomplete: 'Something is still missing.',
  },
  edit: {
    prompt: 'What would you like to correct?',
    help: 'Choose the answer to change: I will ask it again and then we come back to the summary.',
    words: {
      category: ['category', 'type', 'what', 'problem'],
      reliability: ['how i know', 'reliability', 'seen'],
      location: ['place', 'location', 'address', 'where', 'position'],
      photo: ['photo', 'photos', 'picture', 'image'],
      description: ['description', 'text', 'describe'],
    },
    inSentence: {
      cue: ['wrong', 'incorrect', 'correct', 'change', 'fix', 'edit', 'add', 'remove', 'missing', 'right', 'mistake'],
      mentions: {
        category: ['category', 'type'],
        reliability: ['reliability'],
        location: ['location', 'address', 'street', 'road', 'place', 'pin', 'map', 'spot', 'position'],
        photo: ['photo', 'photos', 'picture', 'pic', 'image'],
        description: ['description', 'text'],
      },
    },
    notUnderstood: 'I did not understand what you want to correct.',
  },
  submitted: ({ ticket, closedUntil }) =>
    closedUntil
      ? [
          `✅ Report sent! Your code is ${ticket}.`,
          `🌙 The service is closed now: the municipal police will review it ${closedUntil}. I will write to you here when there is news; write «status» to see where it stands.`,
          '🚨 If it is an emergency do not wait: call 112.',
        ].join('\n\n')
      : [
          `✅ Report sent! Your code is ${ticket}.`,
          'The municipal police will review it as soon as possible. I will write to you here when there is news; write «status» to see where it stands.',
          'Thank you for your help! 🙏',
        ].join('\n\n'),
  nearby: {
    question: ({ category, where, ago }) =>
      [
        `🔎 One moment: a similar report close by came in ${ago}.`,
        `• What: ${category}`,
        `• Where: ${where}`,
        '',
        'Is it the same situation? If so, I add your confirmation to that report (with your description and photos); if not, I send yours as a new one.',
      ].join('\n'),
    ago: (days) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`),
    somewhere: 'a few steps from the place you gave me',
    zone: (name) => `${name} area`,
    help: 'I ask because, if it is the same thing, the municipal police see that several people noticed it instead of getting two separate reports. Answer «Yes» or «No».',
    notUnderstood: 'Sorry, I did not understand: answer «Yes» if it is the same situation, «No» to send yours as a new one.',
    confirmed: ({ ticket, closedUntil }) =>
      [
        `✅ Thank you! I added your confirmation to report ${ticket}: the municipal police will also see your description and photos.`,
        closedUntil
          ? `🌙 The service is closed now: it will be reviewed ${closedUntil}. You are now following it: I will write to you here when there is news.`
          : 'You are now following it: I will write to you here when there is news.',
        ...(closedUntil ? ['🚨 If it is an emergency do not wait: call 112.'] : []),
      ].join('\n\n'),
    goneMeanwhile: 'That report was closed in the meantime: I am sending yours as a new one.',
  },
  alerts: {
    words: ['alerts', 'alert', 'area alerts', 'notifications'],
    menu: {
      prompt:
        '🔔 Area alerts: I write to you here when the municipality sends an advisory (a scam going round, a street closed...) for the places you choose.\nWhat would you like to do? Write «STOP» at any time to turn them all off.',
      labels: { place: 'Near a place', zone: 'An area', list: 'My alerts', remove: 'Remove an alert', close: 'Close' },
      words: {
        place: ['place', 'location', 'near', 'radius', 'address', 'home'],
        zone: ['zone', 'area', 'district', 'village'],
        list: ['list', 'show', 'see', 'mine', 'which'],
        remove: ['remove', 'delete', 'unsubscribe', 'turn off'],
        close: ['close', 'done', 'nothing', 'finish', 'ok'],
      },
      help: "You can get the municipality's advisories for a place you care about (send me its location and choose a distance) or for a whole area. Answer with the number or the name of a choice.",
      notUnderstood: 'Sorry, I did not understand.',
    },
    location: {
      prompt:
        "📍 Send me the location of the place you care about (📎 › Location), for example your home or your children's school. I use it only for the alerts and delete it when you remove the alert.",
      help: 'Tap 📎 and then «Location», move the pin to the right place and send it. Write «back» to return to the menu.',
      expected: 'I need a location: tap 📎 and then «Location».',
      outside: (town) => `This point is outside the Municipality of ${town}: the alerts only cover the municipal territory.`,
    },
    radius: {
      prompt: (place) => `Within what distance of ${place}?`,
      labels: { r250: '250 m', r500: '500 m', r1000: '1 km' },
      words: {
        r250: ['250', '250 metres', '250 meters'],
        r500: ['500', '500 metres', '500 meters', 'half a kilometre'],
        r1000: ['1000', 'one kilometre', 'one km', 'a kilometre'],
      },
      help: 'Choose how far from the place you want the alerts: 250 m (the street), 500 m (the neighbourhood) or 1 km (the village).',
      notUnderstood: 'Sorry, I did not understand the distance.',
    },
    zone: {
      prompt: '🗺️ Which area? Choose from the list.',
      help: 'Answer with the number or the name of the area (village) you want alerts for.',
      notUnderstood: 'I could not find this area.',
    },
    remove: {
      prompt: 'Which alert would you like to remove?',
      help: 'Answer with the number of the alert to remove. To remove them all write «STOP».',
      notUnderstood: 'Sorry, I did not understand which one.',
      removed: (what) => `🗑️ OK, I removed the alert: ${what}. I will not keep that place any more.`,
    },
    list: { title: '🔔 Your area alerts:', none: 'You have no area alerts.' },
    area: ({ radius, place }) => `within ${radius} of ${place}`,
    point: (zoneName) => (zoneName ? `a point in the ${zoneName} area` : 'the point you sent me'),
    zoneName: (name) => `the ${name} area`,
    subscribed: (what) =>
      `✅ Done! I will write to you here with the municipality's advisories for: ${what}. Write «alerts» to see or remove them, «STOP» to turn them all off.`,
    already: (what) => `You already get the alerts for: ${what}.`,
    limit: (max) => `You already have ${max} alerts, the maximum: to add one, remove another first.`,
    closed: 'OK! 👋',
    stopped: (count) =>
      `🔕 Done: I turned off ${count === 1 ? 'your area alert' : `all your ${count} area alerts`} and deleted the places you had chosen. If you change your mind write «alerts».`,
    nothingToStop: 'You have no area alerts, so you will not get any. (To drop a report write «cancel».)',
  },
  status: {
    title: '📂 Your reports:',
    none: 'You have not sent any reports yet.',
    following: '👥 confirmed by you',
    words: {
      new: 'received, waiting to be reviewed',
      in_review: 'being reviewed',
      needs_info: 'we asked you for a detail: just answer here',
      dispatched: 'a patrol has been sent',
      closed: 'closed',
      rejected: 'not accepted',
      duplicate: 'already reported by others: we follow it together',
    },
  },
  agentAnswer: {
    thanks: (ticket) => `Thank you! I added your answer to report ${ticket}: the municipal police will see it right away.`,
  },
  when: {
    today: (time) => `today from ${time}`,
    tomorrow: (time) => `tomorrow from ${time}`,
    on: (day, time) => `on ${day} from ${time}`,
    unknown: 'as soon as the service reopens',
  },
  serviceHours: {
    dayNames: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    everyDay: 'every day',
    exceptHolidays: (text) => `${text} (except public holidays)`,
  },
  rights: rightsEn,
  limits: limitsEn,
  care: careEn,
  notices: noticesEn,
  channels: channelsEn,
  simulator: simulatorEn,
};
