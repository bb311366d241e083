import type { Config } from '../config.js';
import type { Db } from '../db/index.js';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const bareAddress = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();

/**
 * The register described for a national open-data portal to harvest: one DCAT-AP-SE catalogue
 * with one dataset (the published dialogues) and its distribution (GET /api/dialogues, JSON),
 * in RDF/XML. Titles and descriptions in Swedish and English, as the profile recommends.
 */
export async function registerCatalog(db: Db, config: Pick<Config, 'publicUrl' | 'municipalityName' | 'mailFrom' | 'contactEmail'>): Promise<string> {
  const base = config.publicUrl.href.replace(/\/$/, '');
  const who = config.municipalityName ?? 'Kommunen';
  const latest = await db.selectFrom('dialogues').select((eb) => eb.fn.max('updated_at').as('at')).where('status', '=', 'published').executeTakeFirst();
  const modified = (latest?.at as string | null | undefined) ?? null;
  const email = config.contactEmail ?? bareAddress(config.mailFrom);
  const publisher = `
      <dcterms:publisher>
        <foaf:Agent rdf:about="${xml(base)}/#kommun">
          <foaf:name xml:lang="sv">${xml(who)}</foaf:name>
          <dcterms:type rdf:resource="http://purl.org/adms/publishertype/LocalAuthority"/>
        </foaf:Agent>
      </dcterms:publisher>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:dcat="http://www.w3.org/ns/dcat#"
  xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:foaf="http://xmlns.com/foaf/0.1/"
  xmlns:vcard="http://www.w3.org/2006/vcard/ns#">
  <dcat:Catalog rdf:about="${xml(base)}/api/dialogues/dcat">
    <dcterms:title xml:lang="sv">${xml(who)}: medborgardialoger</dcterms:title>
    <dcterms:title xml:lang="en">${xml(who)}: citizen dialogues</dcterms:title>
    <dcterms:description xml:lang="sv">Kommunens register över planerade, pågående och avslutade medborgardialoger.</dcterms:description>
    <dcterms:description xml:lang="en">The municipality's register of planned, open and finished citizen dialogues.</dcterms:description>
    <dcterms:license rdf:resource="http://creativecommons.org/publicdomain/zero/1.0/"/>${publisher}
    <dcat:dataset>
      <dcat:Dataset rdf:about="${xml(base)}/api/dialogues">
        <dcterms:title xml:lang="sv">Dialogregistret</dcterms:title>
        <dcterms:title xml:lang="en">The dialogue register</dcterms:title>
        <dcterms:description xml:lang="sv">Varje medborgardialog med ansvarig nämnd och kontaktperson, vad invånarna kan påverka, när de får återkoppling, vilka kanaler dialogen använder och vad som blev resultatet och beslutet.</dcterms:description>
        <dcterms:description xml:lang="en">Every citizen dialogue with its responsible committee and contact person, what residents can influence, when they hear back, the channels it uses, and its outcome and decision.</dcterms:description>
        <dcat:theme rdf:resource="http://publications.europa.eu/resource/authority/data-theme/GOVE"/>
        <dcat:keyword xml:lang="sv">medborgardialog</dcat:keyword>
        <dcat:keyword xml:lang="en">citizen dialogue</dcat:keyword>
        <dcterms:accrualPeriodicity rdf:resource="http://publications.europa.eu/resource/authority/frequency/CONT"/>${
          modified ? `\n        <dcterms:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#dateTime">${xml(modified)}</dcterms:modified>` : ''
        }
        <dcterms:publisher rdf:resource="${xml(base)}/#kommun"/>
        <dcat:contactPoint>
          <vcard:Organization>
            <vcard:fn>${xml(who)}</vcard:fn>
            <vcard:hasEmail rdf:resource="mailto:${xml(email)}"/>
          </vcard:Organization>
        </dcat:contactPoint>
        <dcat:distribution>
          <dcat:Distribution rdf:about="${xml(base)}/api/dialogues#json">
            <dcterms:title xml:lang="sv">Registret som JSON</dcterms:title>
            <dcterms:title xml:lang="en">The register as JSON</dcterms:title>
            <dcat:accessURL rdf:resource="${xml(base)}/api/dialogues"/>
            <dcat:downloadURL rdf:resource="${xml(base)}/api/dialogues"/>
            <dcterms:format rdf:resource="http://publications.europa.eu/resource/authority/file-type/JSON"/>
            <dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/application/json"/>
            <dcterms:conformsTo rdf:resource="${xml(base)}/api/openapi.json"/>
            <dcterms:license rdf:resource="http://creativecommons.org/publicdomain/zero/1.0/"/>
          </dcat:Distribution>
        </dcat:distribution>
      </dcat:Dataset>
    </dcat:dataset>
  </dcat:Catalog>
</rdf:RDF>
`;
}
