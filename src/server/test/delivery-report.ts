// Tests' delivery report (RFC 3464 bounce) from a mailer daemon: a human-readable part, the machine-readable
// message/delivery-status part ("550 5.1.1 User unknown" for wang.fang@example.com) and the returned original, whole or
// its headers, as `returnedType` says. Lines joined with CRLF.
export function deliveryReport(o: { to: string; messageId: string; returned: string[]; returnedType: string; partHeaders?: string[] }): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${o.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"',
    '',
    '--r1',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--r1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    'Final-Recipient: rfc822; wang.fang@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '--r1',
    `Content-Type: ${o.returnedType}`,
    ...(o.partHeaders ?? []),
    '',
    ...o.returned,
    '--r1--',
    '',
  ].join('\r\n');
}
