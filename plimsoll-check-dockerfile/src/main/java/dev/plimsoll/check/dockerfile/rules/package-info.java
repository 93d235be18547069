/**
 * One class per rule, named by its id ({@code DL3008}, {@code PLM_DF_004} for {@code PLM-DF-004}); metadata lives
 * in the catalogues, cases in {@code src/test/resources/.../rules/cases/<id>.yaml}, registration in
 * {@link dev.plimsoll.check.dockerfile.DockerfileRules}.
 */
package dev.plimsoll.check.dockerfile.rules;
