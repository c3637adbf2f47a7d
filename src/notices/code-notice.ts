/**
 * The notice that carries a one-time code (REQUEST.WEB), in English or Japanese. Nothing else
 * of the customer is in it: whoever reads it learns only the code.
 */
export function codeNotice(input: {
  readonly lang: 'en' | 'ja';
  readonly code: string;
  readonly minutes: number;
}): { subject: string; body: string } {
  if (input.lang === 'ja')
    return {
      subject: 'ご本人確認コード',
      body: `ご本人確認コード：${input.code}\n\nこのコードの有効期限は${input.minutes}分です。お心当たりのない場合は、このメッセージを破棄してください。\n`,
    };
  return {
    subject: 'Your verification code',
    body: `Your verification code: ${input.code}\n\nIt expires in ${input.minutes} minutes. If you did not ask for it, please ignore this message.\n`,
  };
}
