/**
 * Well-known throwaway-mailbox services: an address here stops working within minutes or hours,
 * so nobody can follow up. Not exhaustive — new ones appear daily — but it covers the services
 * that show up in real form spam. Subdomains count.
 */
export const disposableMailDomains: ReadonlySet<string> = new Set([
  // Mailinator and its aliases
  'mailinator.com', 'mailinator.net', 'mailinator.org', 'mailinator2.com', 'mailinater.com', 'notmailinator.com',
  'tmailinator.com', 'binkmail.com', 'bobmail.info', 'chammy.info', 'devnullmail.com', 'letthemeatspam.com',
  'mailin8r.com', 'safetymail.info', 'sogetthis.com', 'spamherelots.com', 'suremail.info', 'thisisnotmyrealemail.com',
  'tradermail.info', 'veryrealemail.com', 'zippymail.info', 'reallymymail.com', 'mailmetrash.com', 'spambooger.com',
  // Guerrilla Mail
  'guerrillamail.com', 'guerrillamail.net', 'guerrillamail.org', 'guerrillamail.biz', 'guerrillamail.de', 'guerrillamail.info',
  'guerrillamailblock.com', 'guerillamail.com', 'guerillamail.org', 'sharklasers.com', 'grr.la', 'pokemail.net', 'spam4.me',
  // Timed inboxes
  '10minutemail.com', '10minutemail.net', '10minutemail.co.uk', '10minutemail.de', '10minutemail.org', '10minemail.com',
  '20minutemail.com', '20minutemail.it', '30minutemail.com', '60minutemail.com', 'zehnminutenmail.de', 'minuteinbox.com',
  '10mail.org', '10minut.com.pl', 'emailondeck.com', 'mailpoof.com', 'mail.tm', 'mail.gw',
  // Temp-mail style services
  'temp-mail.org', 'temp-mail.io', 'temp-mail.ru', 'tempmail.com', 'tempmail.net', 'tempmail.de', 'tempmail.it',
  'tempmail.us.com', 'tempmailo.com', 'tempmailaddress.com', 'tempail.com', 'tempr.email', 'tempinbox.com',
  'tempinbox.co.uk', 'tempemail.com', 'tempemail.net', 'tempemail.biz', 'tempe-mail.com', 'temporaryemail.net',
  'temporaryinbox.com', 'temporarily.de', 'temporaryforwarding.com', 'tempomail.fr', 'tempalias.com', 'mytemp.email',
  'mytempemail.com', 'tmpmail.org', 'tmpmail.net', 'tmpeml.com', 'emltmp.com', 'tmail.ws', 'fakemailgenerator.com',
  // YOPmail and its aliases
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'cool.fr.nf', 'jetable.fr.nf', 'courriel.fr.nf', 'moncourrier.fr.nf',
  'monemail.fr.nf', 'monmail.fr.nf', 'nospam.ze.tc', 'nomail.xl.cx', 'mega.zik.dyndns.org', 'speed.1s.fr',
  // Trash-mail style services
  'trashmail.com', 'trashmail.de', 'trashmail.net', 'trashmail.me', 'trashmail.at', 'trashmail.io', 'trashmail.ws',
  'trash-mail.com', 'trash-mail.at', 'trash-mail.de', 'trashymail.com', 'trashdevil.com', 'trashdevil.de', 'trashemail.de',
  'trash2009.com', 'mytrashmail.com', 'mailtrash.net', 'kurzepost.de', 'wegwerfmail.de', 'wegwerfmail.net', 'wegwerfmail.org',
  'wegwerfadresse.de', 'wegwerfemail.de', 'einrot.com', 'sofort-mail.de', 'spambog.com', 'spambog.de', 'spambog.ru',
  // Fake Mail Generator domains
  'armyspy.com', 'cuvox.de', 'dayrep.com', 'fleckens.hu', 'gustr.com', 'jourrapide.com', 'rhyta.com', 'superrito.com',
  'teleworm.us',
  // 1secmail and similar generators
  '1secmail.com', '1secmail.net', '1secmail.org', 'esiix.com', 'wwjmp.com', 'xojxe.com', 'yoggm.com', 'kzccv.com',
  'qiott.com', 'vddaz.com',
  // Other well-known throwaway services
  'dispostable.com', 'getnada.com', 'nada.email', 'maildrop.cc', 'mailnesia.com', 'mintemail.com', 'mohmal.com',
  'fakeinbox.com', 'fakemail.net', 'spamgourmet.com', 'spambox.us', 'spamex.com', 'mailcatch.com', 'mailexpire.com',
  'mailmoat.com', 'mailnull.com', 'mailshell.com', 'mailzilla.com', 'meltmail.com', 'incognitomail.com', 'incognitomail.org',
  'jetable.org', 'jetable.com', 'jetable.net', 'kasmail.com', 'discard.email', 'discardmail.com', 'discardmail.de',
  'dropmail.me', 'emailfake.com', 'emailtemporario.com.br', 'anonbox.net', 'anonymbox.com', 'byom.de', 'deadaddress.com',
  'despam.it', 'eyepaste.com', 'filzmail.com', 'getairmail.com', 'harakirimail.com', 'hidemail.de', 'inboxbear.com',
  'mailforspam.com', 'mailhazard.com', 'mailtemp.info', 'mailtothis.com', 'no-spam.ws', 'nowmymail.com', 'objectmail.com',
  'oneoffemail.com', 'onewaymail.com', 'pookmail.com', 'rcpt.at', 'rmqkr.net', 'selfdestructingmail.com', 'sendspamhere.com',
  'shieldemail.com', 'spam.la', 'spamavert.com', 'spambob.com', 'spamcero.com', 'spamfree24.org', 'spamhole.com',
  'spaml.com', 'spammotel.com', 'spamspot.com', 'spamthis.co.uk', 'spamday.com', 'spamify.com', 'spaminator.de',
  'spamobox.com', 'spamslicer.com', 'spamtrail.com', 'throwawaymail.com', 'throwawayemailaddress.com', 'whyspam.me',
  'willselfdestruct.com', 'wh4f.org', 'mailsac.com', 'inboxkitten.com', 'burnermail.io', 'moakt.com', 'moakt.cc',
  'disposablemail.com', 'crazymailing.com', 'mail7.io', 'emailnax.com', 'luxusmail.org', 'mailscrap.com', 'mailbucket.org',
  'maileater.com', 'mailimate.com', 'dodgeit.com', 'dodgit.com', 'dontreg.com', 'dontsendmespam.de', 'dumpmail.de',
  'dump-email.info', 'dumpyemail.com', 'e4ward.com', 'email60.com', 'emailias.com', 'emailinfive.com', 'emailmiser.com',
  'emailsensei.com', 'emailto.de', 'emailwarden.com', 'emailxfer.com', 'ephemail.net', 'explodemail.com', 'getonemail.com',
  'gishpuppy.com', 'haltospam.com', 'ieatspam.eu', 'ieatspam.info', 'killmail.com', 'killmail.net', 'klzlk.com',
  'lookugly.com', 'lortemail.dk', 'mailblocks.com', 'mailfreeonline.com', 'mailslite.com', 'mbx.cc', 'mierdamail.com',
  'mycleaninbox.net', 'myphantomemail.com', 'neverbox.com', 'nobulk.com', 'noclickemail.com', 'nomail2me.com',
  'nospam4.us', 'nospamfor.us', 'nurfuerspam.de', 'odnorazovoe.ru', 'owlpic.com', 'privacy.net', 'punkass.com',
  'quickinbox.com', 'recode.me', 'regbypass.com', 'rejectmail.com', 'safe-mail.net', 'safersignup.de', 'saynotospams.com',
  'schafmail.de', 'sneakemail.com', 'snakemail.com', 'spamcannon.com', 'spamcowboy.com', 'spamfree.eu', 'spamkill.info',
  'spamstack.net', 'supergreatmail.com', 'thanksnospam.info', 'tilien.com', 'uggsrock.com', 'wilemail.com', 'xemaps.com',
  'xents.com', 'xmaily.com', 'xoxy.net', 'yuurok.com', 'zoemail.net', 'zoemail.org', 'zomg.info', '0815.ru',
  '0clickemail.com', '0-mail.com', '33mail.com', 'anonaddy.me', 'spamdecoy.net', 'bugmenot.com', 'mailinator.us',
]);
