// Names of the independent random streams, so two parts of the generator never share draws
// (and adding a draw in one part does not shift every value in another).

export const STREAM = {
  calendar: 1,
  hourTimes: 2,
  order: 3,
  customerMix: 4,
  customerPerm: 5,
  identity: 6,
  address: 7,
  phone: 8,
  shopId: 9,
  zalandoCustomer: 10,
  ip: 11,
  device: 12,
  card: 13,
  binPool: 14,
  ring: 16,
  hub: 17,
  cases: 18,
  amazonId: 19,
  zalandoId: 20,
  dispute: 21,
  token: 22,
  personStyle: 23,
} as const;
