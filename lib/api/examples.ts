// The demo event's slug, for examples in the API's documentation page (the seed's event; scripts/ is not
// imported by app code).
export const DEMO_EVENT_SLUG = "arskonferens-2018";
