/**
 * Options for writes that go to the driver's collection directly (bypassing mongoose). Without
 * `ignoreUndefined` the driver stores an undefined field as null, and a state read back would then
 * differ from the one saved (mongoose leaves such fields out).
 */
export const WRITE_OPTIONS = { ignoreUndefined: true } as const;
