// PayPal's activity download as French, Italian, Spanish, Dutch and Polish accounts get it: the
// column names come from real files as public importers read them (sources beside each header);
// the rows are made up in that shape. Every row is accounted for: stored or set aside with a reason.
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import { paymentStatusOf } from '../../../shared/ingest/vocabulary';
import { bucketsAddUp, runImport, utf8, values } from './support';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

/** One CSV line in `header`'s columns, every field quoted as PayPal writes them; columns not given are empty. */
function line(header: readonly string[], cells: Readonly<Record<string, string>>, delimiter = ','): string {
  for (const name of Object.keys(cells)) if (!header.includes(name)) throw new Error(`no column ${name}`);
  return header.map((name) => `"${(cells[name] ?? '').replace(/"/g, '""')}"`).join(delimiter);
}

function csv(header: readonly string[], rows: readonly Record<string, string>[], delimiter = ','): string {
  return [header.map((h) => `"${h}"`).join(delimiter), ...rows.map((r) => line(header, r, delimiter))].join('\n') + '\n';
}

// The classic activity download (Type and Status columns).
// Italian: the test data of a PayPal importer in the stored code index (stored file 45464079670),
// with its values `Completata`, `Pagamento da cellulare`, `Versamento generico con carta`, CET/CEST.
const IT_ACTIVITY = [
  'Data', 'Orario', 'Fuso orario', 'Nome', 'Tipo', 'Stato', 'Valuta', 'Lordo', 'Tariffa', 'Netto', 'Indirizzo email mittente',
  'Indirizzo email destinatario', 'Codice transazione', 'Indirizzo di spedizione', "Stato dell'indirizzo", 'Titolo oggetto',
  'Codice articolo', 'Importo spese di spedizione e imballaggio', 'Importo assicurazione', 'Imposte sulle vendite', 'Nome opzione 1',
  'Valore opzione 1', 'Nome opzione 2', 'Valore opzione 2', 'Codice transazione di riferimento', 'N° ordine commerciante',
  'Numero personalizzato', 'Quantità', 'Codice ricevuta', 'Saldo', 'Indirizzo', 'Indirizzo (continua)', 'Città', 'Provincia',
  'CAP/Codice postale', 'Paese', 'Telefono', 'Oggetto', 'Messaggio', 'Prefisso internazionale', 'Impatto sul saldo',
]; // prettier-ignore

// French: a Belgian Odoo 9 PayPal importer (stored file 23598298680), `_header`.
const FR_ACTIVITY = [
  'Date', 'Heure', 'Fuseau horaire', 'Nom', 'Type', 'État', 'Devise', 'Avant commission', 'Commission', 'Net', "De l'adresse email",
  "À l'adresse email", 'Numéro de transaction', "État de l'adresse", "Titre de l'objet", "Numéro de l'objet", 'TVA', "Nom de l'option 1",
  "Valeur de l'option 1", "Nom de l'option 2", "Valeur de l'option 2", 'Numéro de tiers de confiance',
  'Numéro de la transaction de référence', 'Numéro de facture', 'Numéro de client', 'Quantité', 'Numéro de reçu', 'Solde',
  'Numéro de téléphone du contact', 'Objet', 'Remarque', 'Source de paiement', 'Type de carte', 'Code de transaction',
  'N° du suivi des paiements', 'Identifiant bancaire', "Code du pays de l'acheteur pour cette transaction", "Détails de l'objet",
  'Balance Impact',
]; // prettier-ignore

// Polish: `paypal_new` of a personal-finance importer (stored file 24005014774).
const PL_ACTIVITY = [
  'Data', 'Godzina', 'Strefa czasowa', 'Nazwa', 'Typ', 'Status', 'Waluta', 'Brutto', 'Opłata', 'Netto', 'Z adresu e-mail',
  'Na adres e-mail', 'Numer transakcji', 'Nazwa przedmiotu', 'Podatek od sprzedaży', 'Pomocniczy numer transakcji', 'Numer faktury',
  'Numer potwierdzenia', 'Saldo', 'Temat', 'Uwaga', 'Źródło płatności', 'Status analizy autoryzacji',
  'Możliwość skorzystania z ochrony', 'Wpływ na saldo', 'Filtr ryzyka',
]; // prettier-ignore

// The newer balance-affecting report (a Description column names the kind, no Status), as the
// English statement layout of paypal-statement-en.csv.
// Spanish: account_statement_import_paypal/tests/fixtures/statement_es.csv of OCA/bank-statement-import
// (commit 02d6f090c2bf69e1faf2ce9fab2917030a10f90e), dates `2/1/2020`, amounts `4.626,81`.
const ES_STATEMENT = [
  'Fecha', 'Hora', 'Zona horaria', 'Descripción', 'Divisa', 'Bruto', 'Comisión', 'Neto', 'Saldo', 'Id. de transacción',
  'Correo electrónico del remitente', 'Nombre', 'Nombre del banco', 'Cuenta bancaria', 'Importe de envío y manipulación',
  'Impuesto de ventas', 'Id. de factura', 'Id. de referencia de trans.',
]; // prettier-ignore

// Dutch: the header of PayPal CSV tests of a PHP bookkeeping app (stored files 62470389955,
// 63455887398), `"Bruto "` and `"Kosten "` with their trailing spaces, dates `4/1/2026`.
const NL_STATEMENT = [
  'Datum', 'Tijd', 'Tijdzone', 'Omschrijving', 'Valuta', 'Bruto ', 'Kosten ', 'Netto', 'Saldo', 'Transactiereferentie',
  'Van e-mailadres', 'Naam', 'Naam bank', 'Bankrekening', 'Verzendkosten', 'Btw', 'Factuurreferentie', 'Reference Txn ID',
]; // prettier-ignore

// Italian, newer layout: the same PHP app's Italian test (stored file 52489104279).
const IT_STATEMENT = [
  'Data', 'Ora', 'Fuso orario', 'Descrizione', 'Valuta', 'Lordo ', 'Tariffa ', 'Netto', 'Saldo', 'Codice transazione',
  'Indirizzo email mittente', 'Nome', 'Nome banca', 'Conto bancario', 'Importo per spedizione e imballaggio', 'IVA',
  'N. fattura pro-forma', 'Codice transazione di riferimento',
]; // prettier-ignore

// French, newer layout: HEADERS of Akretion's account_bank_statement_import_paypal (stored file 1422325112).
const FR_STATEMENT = [
  'Date', 'Heure', 'Fuseau horaire', 'Description', 'Devise', 'Avant commission', 'Commission', 'Net', 'Solde', 'Numéro de transaction',
  "Adresse email de l'expéditeur", 'Nom', 'Nom de la banque', 'Compte bancaire', 'Montant des frais de livraison et de traitement',
  'TVA', 'Identifiant de facture', 'Numéro de la transaction de référence',
]; // prettier-ignore

// Polish, newer layout: `paypal` of the same Polish importer.
const PL_STATEMENT = [
  'Data', 'Godzina', 'Strefa czasowa', 'Opis', 'Waluta', 'Brutto', 'Opłata', 'Netto', 'Saldo', 'Numer transakcji', 'Z adresu e-mail',
  'Nazwa', 'Nazwa banku', 'Rachunek bankowy', 'Koszt wysyłki oraz koszty manipulacyjne', 'Kwota podatku', 'Numer faktury',
  'Pomocniczy numer transakcji',
]; // prettier-ignore

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('PayPal activity downloads in French, Italian, Spanish, Dutch and Polish', () => {
  it('Italian activity download: read as PayPal, day-first dates, `1.234,56`, refunds, holds and card top-ups set aside', async () => {
    const text = csv(IT_ACTIVITY, [
      {
        Data: '13/05/2026', Orario: '10:09:43', 'Fuso orario': 'CEST', Nome: 'Giulia Rossi', Tipo: 'Pagamento Express Checkout', Stato: 'Completata',
        Valuta: 'EUR', Lordo: '1.234,56', Tariffa: '-42,33', Netto: '1.192,23', 'Indirizzo email mittente': 'giulia.rossi@example.com',
        'Codice transazione': '1IT23456AB7890123', 'N° ordine commerciante': '#2001', 'Impatto sul saldo': 'Accredito',
      },
      {
        Data: '02/05/2026', Orario: '08:00:00', 'Fuso orario': 'CEST', Tipo: 'Pagamento da cellulare', Stato: 'Completata', Valuta: 'EUR',
        Lordo: '10,00', Tariffa: '0,00', Netto: '10,00', 'Indirizzo email mittente': 'marco@example.com', 'Codice transazione': '2IT23456AB7890123',
        'Numero personalizzato': '#2002', 'Impatto sul saldo': 'Accredito',
      },
      {
        Data: '14/05/2026', Orario: '09:00:00', 'Fuso orario': 'CEST', Tipo: 'Rimborso', Stato: 'Completata', Valuta: 'EUR', Lordo: '-10,00',
        Netto: '-10,00', 'Codice transazione': '3IT23456AB7890123', 'Codice transazione di riferimento': '2IT23456AB7890123',
        'Impatto sul saldo': 'Addebito',
      },
      {
        Data: '14/05/2026', Orario: '09:05:00', 'Fuso orario': 'CEST', Tipo: 'Versamento generico con carta', Stato: 'Completata', Valuta: 'EUR',
        Lordo: '29,32', Netto: '29,32', 'Codice transazione': '4IT23456AB7890123', 'Impatto sul saldo': 'Accredito',
      },
    ]); // prettier-ignore
    const run = await runImport(text);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('paypal-activity-it');
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.currency, p.status, p.email])).toEqual([
      ['1IT23456AB7890123', '#2001', utc(2026, 5, 13, 8, 9, 43), 123456, 'EUR', 'succeeded', 'giulia.rossi@example.com'],
      ['2IT23456AB7890123', '#2002', utc(2026, 5, 2, 6), 1000, 'EUR', 'succeeded', 'marco@example.com'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [4, 'other-row-kind', 'Tipo'],
      [5, 'other-row-kind', 'Tipo'],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('French activity download with a BOM, semicolons and `1 234,56` (no-break and narrow no-break spaces): read as PayPal', async () => {
    const text = csv(
      FR_ACTIVITY,
      [
        {
          Date: '13/05/2026', Heure: '14:32:15', 'Fuseau horaire': 'Europe/Paris', Nom: 'Claire Martin', Type: 'Paiement Express Checkout',
          État: 'Terminé', Devise: 'EUR', 'Avant commission': `1${NBSP}234,56`, Commission: '-42,33', Net: `1${NBSP}192,23`,
          "De l'adresse email": 'claire.martin@example.com', 'Numéro de transaction': '1FR23456AB7890123', 'Numéro de facture': '#3001',
        },
        {
          Date: '03/05/2026', Heure: '09:00:00', 'Fuseau horaire': 'Europe/Paris', Type: 'Paiement Express Checkout', État: 'Terminé', Devise: 'EUR',
          'Avant commission': `12${NNBSP}345,00`, Net: `12${NNBSP}345,00`, "De l'adresse email": 'luc@example.com',
          'Numéro de transaction': '2FR23456AB7890123', 'Numéro de client': '#3002',
        },
        {
          Date: '14/05/2026', Heure: '10:00:00', 'Fuseau horaire': 'Europe/Paris', Type: 'Remboursement', État: 'Terminé', Devise: 'EUR',
          'Avant commission': '-45,00', Net: '-45,00', 'Numéro de transaction': '3FR23456AB7890123',
          'Numéro de la transaction de référence': '2FR23456AB7890123',
        },
      ],
      ';',
    ); // prettier-ignore
    const run = await runImport(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('paypal-activity-fr');
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.status, p.email])).toEqual([
      ['1FR23456AB7890123', '#3001', utc(2026, 5, 13, 12, 32, 15), 123456, 'succeeded', 'claire.martin@example.com'],
      ['2FR23456AB7890123', '#3002', utc(2026, 5, 3, 7), 1234500, 'succeeded', 'luc@example.com'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([[4, 'other-row-kind', 'Type']]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('French download whose e-mail column is written with a typographic apostrophe: the e-mail is still read', async () => {
    const header = FR_ACTIVITY.map((c) => c.replace("'", '\u2019'));
    const text = csv(header, [
      {
        Date: '13/05/2026', Heure: '14:32:15', 'Fuseau horaire': 'Europe/Paris', Type: 'Paiement Express Checkout', État: 'Terminé', Devise: 'EUR',
        'Avant commission': '10,00', Net: '9,50', 'De l\u2019adresse email': 'claire.martin@example.com', 'Numéro de transaction': '1FR23456AB7890123',
      },
    ]); // prettier-ignore
    const run = await runImport(text);
    expect(run.summary.format).toBe('paypal-activity-fr');
    expect(values<Payment>(run, 'payment').map((p) => p.email)).toEqual(['claire.martin@example.com']);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('Polish activity download: read as PayPal, `1 234,56` with a space, a refund set aside', async () => {
    const text = csv(PL_ACTIVITY, [
      {
        Data: '13.05.2026', Godzina: '11:00:00', 'Strefa czasowa': 'Europe/Warsaw', Nazwa: 'Jan Kowalski', Typ: 'Płatność Express Checkout',
        Status: 'Zakończone', Waluta: 'PLN', Brutto: '1 234,56', Opłata: '-40,00', Netto: '1 194,56', 'Z adresu e-mail': 'jan@example.com',
        'Numer transakcji': '1PL23456AB7890123', 'Numer faktury': '#4001',
      },
      {
        Data: '14.05.2026', Godzina: '11:00:00', 'Strefa czasowa': 'Europe/Warsaw', Typ: 'Zwrot płatności', Status: 'Zakończone', Waluta: 'PLN',
        Brutto: '-1 234,56', Netto: '-1 234,56', 'Numer transakcji': '2PL23456AB7890123', 'Pomocniczy numer transakcji': '1PL23456AB7890123',
      },
    ]); // prettier-ignore
    const run = await runImport(text);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('paypal-activity-pl');
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.currency, p.email])).toEqual([
      ['1PL23456AB7890123', '#4001', utc(2026, 5, 13, 9), 123456, 'PLN', 'jan@example.com'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([[3, 'other-row-kind', 'Typ']]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('Spanish report (Descripción, no Estado): `4.626,81`, `2/1/2020` read as 2 January once a later date says day-first', async () => {
    const text = csv(ES_STATEMENT, [
      {
        Fecha: '2/1/2020', Hora: '11:05:56', 'Zona horaria': 'Europe/Berlin', Descripción: 'Pago estándar', Divisa: 'EUR', Bruto: '4.626,81',
        Comisión: '-1,78', Neto: '4.625,03', 'Id. de transacción': '1ES23456AB7890123', 'Correo electrónico del remitente': 'lucia@example.com',
        'Id. de factura': '#5001',
      },
      {
        Fecha: '15/1/2020', Hora: '09:44:24', 'Zona horaria': 'Europe/Berlin', Descripción: 'Reembolso de pago', Divisa: 'EUR', Bruto: '-22,47',
        Neto: '-22,47', 'Id. de transacción': '2ES23456AB7890123', 'Id. de referencia de trans.': '1ES23456AB7890123',
      },
      {
        Fecha: '16/1/2020', Hora: '09:44:24', 'Zona horaria': 'Europe/Berlin', Descripción: 'Conversión de divisas', Divisa: 'USD', Bruto: '10,00',
        Neto: '10,00', 'Id. de transacción': '3ES23456AB7890123',
      },
    ]); // prettier-ignore
    const run = await runImport(text);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('paypal-activity-es');
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.email])).toEqual([
      ['1ES23456AB7890123', '#5001', utc(2020, 1, 2, 10, 5, 56), 462681, 'lucia@example.com'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [3, 'other-row-kind', 'Descripción'],
      [4, 'other-row-kind', 'Descripción'],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('Dutch report: headers with trailing spaces, a refund (Terugbetaling holds "betaling") not read as a payment', async () => {
    const text = csv(NL_STATEMENT, [
      {
        Datum: '13/5/2026', Tijd: '12:30:00', Tijdzone: 'Europe/Amsterdam', Omschrijving: 'Express Checkout-betaling', Valuta: 'EUR',
        'Bruto ': '1.234,56', 'Kosten ': '-42,33', Netto: '1.192,23', Transactiereferentie: '1NL23456AB7890123',
        'Van e-mailadres': 'sanne@example.com', Factuurreferentie: '#6001',
      },
      {
        Datum: '14/5/2026', Tijd: '12:30:00', Tijdzone: 'Europe/Amsterdam', Omschrijving: 'Terugbetaling', Valuta: 'EUR', 'Bruto ': '25,00',
        Netto: '25,00', Transactiereferentie: '2NL23456AB7890123', 'Reference Txn ID': '9NL23456AB7890123',
      },
      {
        Datum: '14/5/2026', Tijd: '13:00:00', Tijdzone: 'Europe/Amsterdam', Omschrijving: 'Bankstorting', Valuta: 'EUR', 'Bruto ': '50,00',
        Netto: '50,00', Transactiereferentie: '3NL23456AB7890123',
      },
    ]); // prettier-ignore
    const run = await runImport(text);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.format).toBe('paypal-activity-nl');
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.email])).toEqual([
      ['1NL23456AB7890123', '#6001', utc(2026, 5, 13, 10, 30), 123456, 'sanne@example.com'],
    ]);
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([
      [3, 'other-row-kind', 'Omschrijving'],
      [4, 'other-row-kind', 'Omschrijving'],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('the newer Italian, French and Polish reports are read as PayPal too', async () => {
    const cases: [readonly string[], string, Record<string, string>][] = [
      [IT_STATEMENT, 'paypal-activity-it', { Data: '13/05/2026', Ora: '10:00:00', 'Fuso orario': 'Europe/Rome', Descrizione: 'Pagamento Express Checkout', Valuta: 'EUR', 'Lordo ': '59,90', 'Codice transazione': 'T1', 'Indirizzo email mittente': 'a@example.com', 'N. fattura pro-forma': '#7001' }],
      [FR_STATEMENT, 'paypal-activity-fr', { Date: '13/05/2026', Heure: '10:00:00', 'Fuseau horaire': 'Europe/Paris', Description: 'Paiement Express Checkout', Devise: 'EUR', 'Avant commission': '59,90', 'Numéro de transaction': 'T1', "Adresse email de l'expéditeur": 'a@example.com', 'Identifiant de facture': '#7001' }],
      [PL_STATEMENT, 'paypal-activity-pl', { Data: '13.05.2026', Godzina: '10:00:00', 'Strefa czasowa': 'Europe/Warsaw', Opis: 'Płatność Express Checkout', Waluta: 'EUR', Brutto: '59,90', 'Numer transakcji': 'T1', 'Z adresu e-mail': 'a@example.com', 'Numer faktury': '#7001' }],
    ]; // prettier-ignore
    for (const [header, format, row] of cases) {
      const run = await runImport(csv(header, [row]));
      expect(run.summary.errors).toEqual([]);
      expect(run.summary.format).toBe(format);
      expect(values<Payment>(run, 'payment').map((p) => [p.id, p.orderRef, p.createdAt, p.amountMinor, p.email])).toEqual([
        ['T1', '#7001', utc(2026, 5, 13, 8), 5990, 'a@example.com'],
      ]);
    }
  });
});

describe("a payment's status in the account's language", () => {
  it('refunded or denied in French, Italian, Spanish, Dutch or Polish is not a succeeded payment', () => {
    const amount = 10_0000;
    const refunded = ['Remboursé', 'Rimborsato', 'Reembolsado', 'Terugbetaald', 'Zwrócono'];
    const failed = ['Annulé', 'Negato', 'Rifiutato', 'Annullato', 'Denegado', 'Rechazado', 'Geweigerd', 'Geannuleerd', 'Odrzucono', 'Anulowano'];
    const completed = ['Terminé', 'Completata', 'Completato', 'Completado', 'Voltooid', 'Zakończone', 'En attente', 'In sospeso', 'Pendiente'];
    expect(refunded.map((s) => paymentStatusOf(s, amount, 0))).toEqual(refunded.map(() => 'refunded'));
    expect(failed.map((s) => paymentStatusOf(s, amount, 0))).toEqual(failed.map(() => 'failed'));
    expect(completed.map((s) => paymentStatusOf(s, amount, 0))).toEqual(completed.map(() => 'succeeded'));
  });

  it('an Italian download: the customer payment later refunded is stored as refunded, the denied one as failed', async () => {
    const row = (id: string, stato: string) => ({
      Data: '13/05/2026', Orario: '10:00:00', 'Fuso orario': 'CEST', Tipo: 'Pagamento Express Checkout', Stato: stato, Valuta: 'EUR',
      Lordo: '59,90', 'Codice transazione': id, 'Indirizzo email mittente': 'a@example.com',
    }); // prettier-ignore
    const run = await runImport(csv(IT_ACTIVITY, [row('T1', 'Completata'), row('T2', 'Rimborsato'), row('T3', 'Negato')]));
    expect(values<Payment>(run, 'payment').map((p) => [p.id, p.status])).toEqual([
      ['T1', 'succeeded'],
      ['T2', 'refunded'],
      ['T3', 'failed'],
    ]);
  });
});
