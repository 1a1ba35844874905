import { Migration } from '@mikro-orm/migrations';

/**
 * Answering a survey without an account: the anonymous caller's session names no organisation, so
 * row-level security shows it no link. This function (owner's rights) tells which organisation a
 * token's hash belongs to — and nothing else — so the server can then act for that organisation.
 */
export class Migration20261203171100SurveyTokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "pinzhi_survey_link_organisation"(hash text) returns int language sql stable security definer set search_path = public as $$
      select "organisation_id" from "survey_link" where "token_hash" = hash
    $$`);
    this.addSql(`revoke all on function "pinzhi_survey_link_organisation"(text) from public`);
    this.addSql(`grant execute on function "pinzhi_survey_link_organisation"(text) to "pinzhi_app"`);
  }
}
