// A synthetic Zalando-style orders export of any length, for tests that need many batches.
export function zalandoExport(rows: number): string {
  const header =
    'order_number,order_date,customer_number,customer_email,customer_phone,status,line_status,shipping_address.first_name,shipping_address.last_name,shipping_address.address_line_1,shipping_address.zip_code,shipping_address.city,shipping_address.country_code,currency,order_amount,article_name';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `${10105000000 + i},2026-05-${day}T10:${String(i % 60).padStart(2, '0')}:00Z,Z-${i % 9000},kunde${i % 9000}@example.de,,fulfilled,shipped,Vorname${i % 500},Nachname${i % 700},Musterweg ${1 + (i % 90)},${10000 + (i % 89999)},Berlin,DE,EUR,${(10 + (i % 400)).toFixed(2)},Artikel ${i % 50}`,
    );
  }
  return lines.join('\n') + '\n';
}
