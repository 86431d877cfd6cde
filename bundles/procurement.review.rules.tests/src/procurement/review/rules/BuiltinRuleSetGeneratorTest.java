package procurement.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.model.Affiliation;
import procurement.review.model.Alias;
import procurement.review.model.CoveredEntity;
import procurement.review.model.RuleSet;

/**
 * The committed {@code rules/builtin.ruleset} is exactly what the generator makes of the seed watch list, and no
 * name of the seed is lost on the way.
 */
class BuiltinRuleSetGeneratorTest {

	@Test
	void committedFileIsUpToDate() throws IOException {
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		RuleSets.write(BuiltinRuleSetGenerator.generate(BuiltinRuleSetGenerator.SEED), expected);
		byte[] actual;
		try (InputStream in = BuiltinRules.class.getResourceAsStream(BuiltinRules.RESOURCE)) {
			actual = in.readAllBytes();
		}
		assertEquals(expected.toString(StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
				"rules/builtin.ruleset is stale: run BuiltinRuleSetGenerator and commit its output");
	}

	@Test
	void everySeedNameAndTermIsInTheRuleSet() throws IOException {
		RuleSet set = BuiltinRules.load();
		List<String> all = new ArrayList<>();
		for (CoveredEntity e : set.getEntities()) {
			e.getAliases().stream().map(Alias::getName).forEach(all::add);
			e.getBrandTerms().forEach(all::add);
			for (Affiliation a : e.getAffiliates()) {
				a.getAliases().stream().map(RuleConventions::affiliateAliasText).forEach(all::add);
			}
		}
		set.getRules().forEach(r -> all.addAll(r.getExcludedTerms()));
		int checked = 0;
		for (String line : Files.readAllLines(BuiltinRuleSetGenerator.SEED, StandardCharsets.UTF_8)) {
			if (line.startsWith("#") || line.startsWith("familyId") || line.startsWith("@") || line.isBlank()) {
				continue;
			}
			String[] c = line.split("\t", -1);
			for (int col : new int[] {4, 5, 6, 7}) {
				for (String n : c[col].split("\\|")) {
					if (!n.isBlank()) {
						assertTrue(all.contains(n.strip()), "lost from the seed: " + n);
						checked++;
					}
				}
			}
		}
		assertTrue(checked > 150, "checked " + checked);
	}
}
