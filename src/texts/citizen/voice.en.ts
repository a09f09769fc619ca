/** Voice notes in English (see VoiceTexts in src/dialog/flow.types.ts). */
import type { VoiceTexts } from '../../dialog/flow.types';

export const voiceEn: VoiceTexts = {
  heard: (transcript) => `🎤 I heard: «${transcript}». Is that right?`,
  choices: { yes: 'Yes', no: 'No' },
  words: {
    yes: ['yes', 'yeah', 'yep', 'right', 'correct', "that's right", 'ok', 'okay', 'sure', 'si'],
    no: ['wrong', 'not right', 'incorrect', "that's wrong", 'nope', 'no'],
  },
  rejected: "OK, I won't use it. Please write it, or send another voice note speaking slowly, close to the phone.",
  failed: {
    too_long: 'That voice note is too long for me: send a shorter one or write your message.',
    too_large: 'That voice note is too long for me: send a shorter one or write your message.',
    empty: 'I could not hear any words in that voice note. Could you write your message?',
    failed: 'Sorry, I cannot listen to that voice note right now. Could you write your message?',
  },
};
