// Passwords that every guessing script tries first: the most common ones in public breach lists
// (international and Chinese sites) plus obvious patterns. A new password on this list is refused.
// Only entries of 8 characters or more matter (shorter ones fail the length rule first); a few
// short classics stay so the list reads as what it is.
const COMMON = `
123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 1234567 123123 1234567890
000000 abc123 password1 iloveyou 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc qwertyuiop 123321
654321 666666 888888 112233 121212 123654 159753 147258369 123qwe 123abc 1234qwer qwer1234
qwe123 asdfghjkl asdf1234 zxcvbnm zxcvbnm123 aa123456 a123456 a12345678 a123456789 abc12345
abc123456 abcd1234 abcdefg abcdefgh 1a2b3c4d qazwsxedc qazwsx123 passw0rd p@ssw0rd p@ssword
password123 password12 pass1234 letmein letmein1 welcome welcome1 welcome123 admin admin123
admin1234 administrator root123 monkey dragon football baseball basketball superman batman
trustno1 master sunshine princess shadow michael jennifer jordan23 whatever freedom starwars
computer internet liverpool chelsea arsenal pokemon charlie hello123 hello1234 loveyou
iloveyou1 iloveyou2 ilovey0u loveme lovely 11111111 111111111 1111111111 22222222 33333333
44444444 55555555 66666666 77777777 88888888 99999999 00000000 12341234 11223344 12344321
123456789a 123456abc 12345678a 12345qwert 1234abcd 0123456789 9876543210 87654321 98765432
woaini woaini1314 woaini520 5201314 520520520 1314520 13145200 woaiwojia wodemima mima1234
mima123456 zhang123 wang1234 li123456 aini1314 qq123456 qq5201314 q1w2e3r4 q1w2e3r4t5
qwe123456 qweasdzxc qweasd123 asd123456 zxc123456 asdasd123 a1b2c3d4 a1234567 aaaaaa aaaaaaaa
abcabc123 7758521 7758258 147258 147852369 159357 1597532486 258456 369258147 741852963
789456123 321321321 456456456 123123123 123456123 123456aa 123456qq 123456654321 111222333
ilovechina china123 beijing beijing123 shanghai123 huawei123 xiaomi123 baidu123 taobao123
changeme changeme123 default secret secret123 test1234 testtest guest1234 user1234 login123
temp1234 demo1234 sample123 service123 kefu1234 kefu123456 callcenter training123 newpass123
mypassword yourpassword nopassword passwort motdepasse contrasena senha123 parola123
`;

const LIST: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

function isOneRepeatedCharacter(pw: string): boolean {
  return new Set(pw).size === 1;
}

/** 12345678, 23456789, 87654321… and abcdefgh: each character one step from the last. */
function isStraightRun(pw: string): boolean {
  if (pw.length < 4) return false;
  const codes = [...pw].map((c) => c.charCodeAt(0));
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  return codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

export function isCommonPassword(password: string): boolean {
  const pw = password.trim().toLowerCase();
  return LIST.has(pw) || isOneRepeatedCharacter(pw) || isStraightRun(pw);
}

export const COMMON_PASSWORD_COUNT = LIST.size;
