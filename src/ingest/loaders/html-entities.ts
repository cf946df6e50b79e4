/**
 * HTML character references. Named entities cover Latin-1 (where HTML editors put Vietnamese letters
 * such as &agrave; &ocirc;) and common typography; numeric references cover everything else.
 */
const NAMED: Record<string, number> = Object.fromEntries(
  (
    'AElig:198,Aacute:193,Acirc:194,Agrave:192,Aring:197,Atilde:195,Auml:196,Ccedil:199,Dagger:8225,ETH:208,' +
    'Eacute:201,Ecirc:202,Egrave:200,Euml:203,Iacute:205,Icirc:206,Igrave:204,Iuml:207,Ntilde:209,OElig:338,' +
    'Oacute:211,Ocirc:212,Ograve:210,Oslash:216,Otilde:213,Ouml:214,Prime:8243,Scaron:352,THORN:222,Uacute:218,' +
    'Ucirc:219,Ugrave:217,Uuml:220,Yacute:221,Yuml:376,aacute:225,acirc:226,acute:180,aelig:230,agrave:224,' +
    'amp:38,apos:39,aring:229,asymp:8776,atilde:227,auml:228,bdquo:8222,brvbar:166,bull:8226,ccedil:231,' +
    'cedil:184,cent:162,circ:710,copy:169,curren:164,dagger:8224,darr:8595,deg:176,divide:247,eacute:233,' +
    'ecirc:234,egrave:232,emsp:8195,ensp:8194,equiv:8801,eth:240,euml:235,euro:8364,fnof:402,frac12:189,' +
    'frac14:188,frac34:190,ge:8805,gt:62,harr:8596,hellip:8230,iacute:237,icirc:238,iexcl:161,igrave:236,' +
    'infin:8734,iquest:191,iuml:239,laquo:171,larr:8592,ldquo:8220,le:8804,lrm:8206,lsquo:8216,lt:60,macr:175,' +
    'mdash:8212,micro:181,middot:183,minus:8722,nbsp:160,ndash:8211,ne:8800,not:172,ntilde:241,oacute:243,' +
    'ocirc:244,oelig:339,ograve:242,ordf:170,ordm:186,oslash:248,otilde:245,ouml:246,para:182,permil:8240,' +
    'plusmn:177,pound:163,prime:8242,quot:34,radic:8730,raquo:187,rarr:8594,rdquo:8221,reg:174,rlm:8207,' +
    'rsquo:8217,sbquo:8218,scaron:353,sect:167,shy:173,sum:8721,sup1:185,sup2:178,sup3:179,szlig:223,thinsp:8201,' +
    'thorn:254,tilde:732,times:215,trade:8482,uacute:250,uarr:8593,ucirc:251,ugrave:249,uml:168,uuml:252,' +
    'yacute:253,yen:165,yuml:255,zwj:8205,zwnj:8204,'
  )
    .split(',')
    .filter(Boolean)
    .map((pair): [string, number] => {
      const [name, code] = pair.split(':');
      return [name!, Number(code)];
    }),
);

export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});?/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Invalid, surrogate and NUL references become U+FFFD, as browsers do.
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    const code = NAMED[body];
    return code === undefined ? match : String.fromCodePoint(code);
  });
}
