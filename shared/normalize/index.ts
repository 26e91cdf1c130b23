// shared/normalize: the link keys of an order (pure; runs in a worker and in Node). Each value is
// normalised so spelling variants agree, and carries its strength, raw text and rule.

export { KEY_TYPES, STRENGTHS, isKeyType, strengthRank, type KeyType, type LinkKey, type Strength } from './linkKey';
export { foldText, umlautSkeleton } from './text';
export { normaliseEmail, isMarketplaceRelay, type NormalisedEmail } from './email';
export { normalisePhone, DIALLING, HOME_COUNTRY } from './phone';
export { parseStreetLine, normalisePostcode, postcodeIn, addressParts, type ParsedStreet, type AddressParts } from './address';
export { pickupPoint, forwarderMark, dhlPostnummer, type Pickup } from './pickup';
export {
  CARD_SUMMARY_RULES,
  cardSummaryValue,
  cardWithoutExpiryValues,
  describeCardSummary,
  isBinLast4Rule,
  isCardSummaryRule,
  normaliseExpiry,
  normaliseFingerprint,
  type CardSummaryRule,
} from './card';
export { normaliseIp, normaliseDeviceId, type IpKeys } from './network';
export { linkKeysOf, customerValuesOf, nameValue, accountValue, type LinkableOrder } from './keys';
export { describeLinkKey, describeLinkValue } from './describe';
