// The server's messages that carry values, as patterns: a match names the serverPatterns.<key> translation and
// its named groups become the i18n params. Kept free of i18n so the coverage test can load it in plain Node.

export interface ServerMessagePattern {
  re: RegExp;
  key: string;
}

// First match wins, so a narrower pattern comes before a wider one that would also match (interactionNeeds last).
export const serverMessagePatterns: ServerMessagePattern[] = [
  // The server's own wording (src/server)
  { re: /^A batch holds at most (?<n>\d+) events$/, key: 'trackingBatchMax' },
  { re: /^An event is at most (?<n>\d+) bytes$/, key: 'trackingEventMax' },
  { re: /^at most (?<max>\d+) characters$/, key: 'formFieldMax' },
  { re: /^The customer sounds angry \((?<cues>.*)\)$/, key: 'sentimentAngry' },
  { re: /^A VIP customer wrote in negative terms \((?<cues>.*)\)$/, key: 'sentimentVipNegative' },
  { re: /^An attachment may be at most (?<mb>\d+) MB$/, key: 'emailAttachmentTooLarge' },
  { re: /^The mailbox could not be read: (?<reason>.*)$/, key: 'emailMailboxUnreadable' },
  { re: /^"(?<value>.*)" is not a valid phone number \(default region (?<region>.+)\)$/, key: 'invalidPhone' },
  { re: /^[Aa] (?<noun>\w+) is listed twice$/, key: 'listedTwice' },
  { re: /^A (?<noun>\w+) was changed or merged by someone else meanwhile; reload and try again$/, key: 'changedMeanwhile' },
  // Why an import row was not imported (data/import/cleanse.ts and the import targets)
  { re: /^longer than (?<max>\d+) characters$/, key: 'rowLongerThan' },
  { re: /^"(?<value>.*)" is not a valid email address$/, key: 'rowInvalidEmail' },
  { re: /^"(?<value>.*)" is not a valid phone number for (?<region>\w+); kept as typed, not normalised$/, key: 'rowPhoneKeptRaw' },
  { re: /^no user matches the owner "(?<value>.*)" \(by email or name\)$/, key: 'rowOwnerUnknown' },
  { re: /^"(?<value>.*)" is not a date \(write it as YYYY-MM-DD\)$/, key: 'rowNotDate' },
  { re: /^"(?<value>.*)" is not a real date$/, key: 'rowNotRealDate' },
  { re: /^"(?<value>.*)" is not a date and time$/, key: 'rowNotDateTime' },
  { re: /^"(?<value>.*)" is not a real time$/, key: 'rowNotRealTime' },
  { re: /^"(?<value>.*)" is not yes\/no \(true\/false, 1\/0, 是\/否\)$/, key: 'rowNotYesNo' },
  { re: /^"(?<value>.*)" is not a number$/, key: 'rowNotNumber' },
  { re: /^"(?<value>.*)" is not a domain such as example\.com$/, key: 'rowNotDomain' },
  { re: /^"(?<value>.*)" is not a size band \((?<sizes>.*)\) or a number of employees$/, key: 'rowNotSizeBand' },
  { re: /^"(?<value>.*)" is not one of: (?<options>.*)$/, key: 'rowNotOneOf' },
  { re: /^the type is required: (?<types>.*)$/, key: 'rowTypeRequired' },
  { re: /^a (?<type>\w+) needs (?<field>\w+)$/, key: 'rowInteractionNeeds' },
  { re: /^The (?:request body|query parameters|path) has (?<count>\d+) invalid fields?: (?<paths>.*)$/, key: 'invalidFields' },
  { re: /^The job is already (?<status>\w+)$/, key: 'jobAlready' },
  { re: /^Needs at least (?<min>\d+) buying customers, (?<repeat>\d+) of them with repeat purchases; has (?<has>\d+) and (?<hasRepeat>\d+)\.$/, key: 'clvTooLittleData' },
  { re: /^This API key lacks the scope "(?<scope>.*)"$/, key: 'apiKeyScope' },
  { re: /^Too many failed logins; try again in (?<minutes>\d+) minutes?$/, key: 'loginLimited' },
  { re: /^A team named (?<name>.+) already exists$/, key: 'teamExists' },
  { re: /^A user with the email (?<email>.+) already exists$/, key: 'userExists' },
  { re: /^This company still has (?<count>\d+) contact\(s\); move or delete them first$/, key: 'companyHasContacts' },
  { re: /^The (?<object>\w+) field "(?<key>.*)" already exists$/, key: 'customFieldExists' },
  { re: /^(?<label>.+) filter must be a number$/, key: 'filterNumber' },
  { re: /^unknown time zone (?<zone>.+)$/, key: 'slaUnknownTimeZone' },
  { re: /^The SLA policy "(?<name>.*)" uses this calendar; choose another calendar for it first$/, key: 'slaCalendarInUse' },
  // A custom field value: "<label> <problem>" (custom-fields.ts checkValue)
  { re: /^(?<label>.+) must be text of at most (?<max>\d+) characters$/, key: 'fieldTooLong' },
  { re: /^(?<label>.+) must be a number$/, key: 'fieldNumber' },
  { re: /^(?<label>.+) must be a date as YYYY-MM-DD$/, key: 'fieldDate' },
  { re: /^(?<label>.+) must be true or false$/, key: 'fieldBoolean' },
  { re: /^(?<label>.+) must be one of: (?<options>.*)$/, key: 'fieldOneOf' },
  { re: /^(?<label>.+) must be a list of: (?<options>.*)$/, key: 'fieldListOf' },
  { re: /^A ticket cannot go from (?<from>\w+) to (?<to>\w+); from \w+ it can go to (?<allowed>.+)$/, key: 'ticketTransition' },
  { re: /^not allowed from (?<from>\w+)$/, key: 'ticketNotAllowedFrom' },
  { re: /^Cannot sort (?:\w+ )?by "(?<key>.*)"$/, key: 'cannotSort' },
  { re: /^one of (?<options>.+) \(prefix - for descending\)$/, key: 'sortOptions' },
  { re: /^one of (?<fields>.+) or cf\.<custom field key>$/, key: 'scoringFields' },
  { re: /^There is no custom field "(?<key>.*)"$/, key: 'noCustomField' },
  { re: /^Unknown filter "(?<name>.*)"$/, key: 'unknownFilter' },
  { re: /^filters are (?<filters>.+) and cf\.<key>$/, key: 'filterOptions' },
  { re: /^This merge was already undone at (?<at>.+)$/, key: 'mergeUndone' },
  { re: /^Unknown export column\(s\): (?<columns>.*)$/, key: 'exportColumns' },
  { re: /^comma-separated, from: (?<allowed>.*)$/, key: 'exportAllowed' },
  { re: /^unknown field "(?<field>.*)"$/, key: 'unknownFieldNamed' },
  { re: /^"(?<field>.*)" is already mapped from "(?<column>.*)"$/, key: 'mappedTwice' },
  { re: /^Cannot import "(?<object>.*)"$/, key: 'cannotImport' },
  { re: /^one of: (?<options>.*)$/, key: 'oneOf' },
  { re: /^The file could not be read as (?<format>\w+): (?<reason>.*)$/, key: 'unreadableFile' },
  { re: /^This import is already (?<status>\w+); upload the file again to run it again$/, key: 'importRerun' },
  { re: /^This import is already (?<status>\w+)$/, key: 'importAlready' },
  { re: /^The file is larger than (?<limit>\d+) bytes \(RAPPORT_IMPORT_MAX_BYTES\)$/, key: 'fileTooLarge' },
  { re: /^The upload did not arrive whole: (?<reason>.*)$/, key: 'uploadBroken' },
  // The outbound guard and the import folder (core/net, core/files): why a URL or a server file was refused
  { re: /^The host (?<host>\S+) resolves to a (?<kind>[\w -]+) address \((?<ip>[^)]+)\), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW$/, key: 'outboundRefused' },
  { re: /^The host (?<host>\S+) resolves to something that is not an IP address$/, key: 'hostNotIp' },
  { re: /^The host (?<host>\S+) does not resolve$/, key: 'hostUnresolved' },
  { re: /^The host (?<host>\S+) could not be resolved$/, key: 'hostUnresolved' },
  { re: /^The server at (?<origin>\S+) did not answer within (?<seconds>\d+) s$/, key: 'serverNoAnswer' },
  { re: /^The server at (?<origin>\S+) could not be reached \((?<code>.+)\)$/, key: 'serverUnreachable' },
  { re: /^The response from (?<origin>\S+) is larger than (?<limit>\d+) bytes$/, key: 'responseTooLarge' },
  { re: /^The server at (?<origin>\S+) did not send the whole answer in time$/, key: 'answerTooSlow' },
  { re: /^The answer from (?<origin>\S+) broke off$/, key: 'answerBroke' },
  { re: /^The URL redirected more than (?<n>\d+) times$/, key: 'tooManyRedirects' },
  { re: /^The server at (?<origin>\S+) redirected without a valid Location$/, key: 'badRedirect' },
  { re: /^There is no file (?<name>.+) in the import folder$/, key: 'noImportFile' },
  { re: /^GET (?<url>\S+) answered (?<status>\d+)$/, key: 'getAnswered' },
  { re: /^A (?<strategy>\w+) rule needs the team to share leads in$/, key: 'strategyNeedsTeam' },
  { re: /^no such rule: (?<ids>.*)$/, key: 'noSuchRule' },
  { re: /^every rule must be listed; missing: (?<names>.*)$/, key: 'rulesMissing' },
  { re: /^Product (?<sku>.+) has no price in (?<currency>\w+): give unitPrice or add it to the price book$/, key: 'productNoPrice' },
  { re: /^no (?<currency>\w+) price$/, key: 'noPrice' },
  { re: /^No (?<currency>\w+) price for this item: give unitPrice$/, key: 'itemNoPrice' },
  { re: /^Moving a deal to (?<kind>\w+) needs a reason$/, key: 'moveNeedsReason' },
  { re: /^required for a (?<kind>\w+) stage$/, key: 'requiredForStage' },
  { re: /^Stage (?<id>[^"].*) is not in this pipeline$/, key: 'stageNotInPipeline' },
  { re: /^Stage "(?<stage>.*)" still holds deals: move them before removing it or changing its kind$/, key: 'stageInUse' },
  { re: /^Another product has the SKU (?<sku>.+)$/, key: 'skuTaken' },
  { re: /^A (?<kind>\w+) rule has no (?<fields>.+)$/, key: 'ruleHasNo' },
  { re: /^These fields do not fit a (?<kind>\w+) rule$/, key: 'ruleFieldsDontFit' },
  { re: /^not a field of a (?<kind>\w+) rule$/, key: 'notRuleField' },
  { re: /^A (?<type>\w+) needs (?<fields>.+)$/, key: 'interactionNeeds' },
  // zod's own English messages, for checks the server declares without a message of its own
  { re: /^Too small: expected string to have >=?(?<n>\d+) characters?$/, key: 'zodMinChars' },
  { re: /^Too big: expected string to have <=?(?<n>\d+) characters?$/, key: 'zodMaxChars' },
  { re: /^Too small: expected (?:array|set) to have >=?(?<n>\d+) items?$/, key: 'zodMinItems' },
  { re: /^Too big: expected (?:array|set) to have <=?(?<n>\d+) items?$/, key: 'zodMaxItems' },
  { re: /^Too small: expected (?:number|int|bigint) to be >=(?<n>-?[\d.]+)$/, key: 'zodMinNumber' },
  { re: /^Too big: expected (?:number|int|bigint) to be <=(?<n>-?[\d.]+)$/, key: 'zodMaxNumber' },
  { re: /^Too small: expected (?:number|int|bigint) to be >(?<n>-?[\d.]+)$/, key: 'zodAboveNumber' },
  { re: /^Too big: expected (?:number|int|bigint) to be <(?<n>-?[\d.]+)$/, key: 'zodBelowNumber' },
  { re: /^Invalid input: expected \w+, received undefined$/, key: 'zodMissing' },
  { re: /^Invalid input: expected (?<expected>\w+), received (?<received>\w+)$/, key: 'zodType' },
  { re: /^Invalid option: expected one of (?<options>.+)$/, key: 'zodOption' },
];

export interface ServerMessageMatch {
  key: string;
  params: Record<string, string>;
}

/** The first pattern the message fits, with its named groups as params; null when none fits. */
export function matchServerMessage(message: string): ServerMessageMatch | null {
  for (const { re, key } of serverMessagePatterns) {
    const m = re.exec(message);
    if (m) return { key, params: { ...m.groups } };
  }
  return null;
}
