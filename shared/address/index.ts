export { splitStreet, type StreetSplit } from './street';
export { parseAddress, UnknownCountryError, type RawAddress } from './parse';
export { addressWarnings, labelLines, streetLine, NUMBER_FIRST, LABEL_LINE_MAX, CITY_MAX } from './warnings';
export { countryCode, EU } from './countries';
export { postcodeFitsCountry } from './postcode';
