/**
 * Consumer mailbox providers worldwide. A lead writing from one of these gives no company domain;
 * whether that is bad is the pact's call (B2C and small businesses use them). Subdomains count.
 */
export const freeMailDomains: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, Apple, AOL
  'gmail.com', 'googlemail.com',
  'outlook.com', 'outlook.de', 'outlook.fr', 'outlook.es', 'outlook.it', 'outlook.jp', 'outlook.com.br',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl', 'hotmail.be',
  'hotmail.ca', 'hotmail.com.au', 'hotmail.com.br', 'hotmail.co.jp', 'hotmail.se', 'hotmail.dk', 'hotmail.no', 'hotmail.gr',
  'live.com', 'live.co.uk', 'live.fr', 'live.de', 'live.it', 'live.nl', 'live.be', 'live.ca', 'live.com.au', 'live.com.mx',
  'msn.com', 'passport.com', 'windowslive.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.ca', 'yahoo.com.au', 'yahoo.com.br',
  'yahoo.com.mx', 'yahoo.com.ar', 'yahoo.co.in', 'yahoo.in', 'yahoo.co.jp', 'yahoo.com.sg', 'yahoo.com.ph', 'yahoo.co.id',
  'yahoo.com.hk', 'yahoo.com.tw', 'yahoo.gr', 'yahoo.se', 'yahoo.ie', 'yahoo.co.nz', 'yahoo.co.za',
  'ymail.com', 'rocketmail.com',
  'aol.com', 'aol.co.uk', 'aol.de', 'aol.fr', 'aim.com', 'aol.in',
  'icloud.com', 'me.com', 'mac.com',
  // Privacy-focused and independent
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'tutamail.com',
  'fastmail.com', 'fastmail.fm', 'hushmail.com', 'hey.com', 'posteo.de', 'posteo.net', 'mailbox.org', 'runbox.com',
  'zoho.com', 'zohomail.com', 'zohomail.in', 'mail.com', 'email.com', 'usa.com', 'myself.com', 'consultant.com',
  'inbox.com', 'lycos.com', 'excite.com', 'juno.com', 'netzero.net', 'earthlink.net',
  // Europe
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'gmx.co.uk', 'web.de', 't-online.de', 'freenet.de',
  'arcor.de', 'online.de', 'bluewin.ch', 'hispeed.ch', 'sunrise.ch',
  'laposte.net', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr',
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tim.it', 'email.it',
  'telefonica.net', 'terra.es', 'sapo.pt',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'blueyonder.co.uk', 'tiscali.co.uk',
  'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'telenet.be', 'skynet.be',
  'seznam.cz', 'centrum.cz', 'email.cz', 'atlas.cz', 'azet.sk', 'zoznam.sk',
  'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'gazeta.pl', 'poczta.onet.pl',
  'freemail.hu', 'citromail.hu', 'abv.bg', 'mail.bg', 'ukr.net', 'i.ua', 'meta.ua',
  'yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru',
  'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru', 'rambler.ru',
  'online.no', 'hotmail.fi', 'suomi24.fi',
  // Americas, Asia-Pacific, Africa, Middle East
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'optonline.net',
  'roadrunner.com', 'frontier.com', 'windstream.net', 'centurylink.net',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'telus.net',
  'terra.com.br', 'bol.com.br', 'uol.com.br', 'ig.com.br', 'prodigy.net.mx', 'hotmail.com.ar', 'fibertel.com.ar',
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'iinet.net.au', 'xtra.co.nz',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com', '189.cn',
  'naver.com', 'daum.net', 'hanmail.net', 'nate.com', 'kakao.com',
  'docomo.ne.jp', 'ezweb.ne.jp', 'softbank.ne.jp', 'i.softbank.jp', 'nifty.com', 'ocn.ne.jp',
  'rediffmail.com', 'rediff.com', 'sify.com', 'vsnl.net',
  'pldtdsl.net', 'singnet.com.sg', 'pacific.net.sg', 'streamyx.com', 'tm.net.my',
  'walla.co.il', 'walla.com', 'netvision.net.il', 'bezeqint.net',
  'mweb.co.za', 'telkomsa.net', 'vodamail.co.za', 'webmail.co.za',
]);
