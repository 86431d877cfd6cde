package procurement.review.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import procurement.review.model.RuleSet;

/**
 * The rule set shipped with the workbench: BOD 17-01, NDAA FY2018 sec. 1634, NDAA FY2019 sec. 889 (both limbs,
 * with the purpose-limited surveillance part as its own rule), the FCC Covered List, the 2024 Commerce ICTS
 * determination on Kaspersky and the 2024 Entity List additions, with the covered corporate families.
 * <p>
 * The data lives in {@value #RESOURCE}, an XMI file whose root is a {@link RuleSet}; it is read through the class
 * loader so that the same call works on a plain class path and inside OSGi, where the resource sits in this bundle.
 * The file is generated from the engine's seed watch list by {@code BuiltinRuleSetGenerator} in the tests fragment
 * and committed; edit the generator, not the file, so the two cannot drift apart.
 */
public final class BuiltinRules {

	/** Class-path location of the built-in rule set. */
	public static final String RESOURCE = "/rules/builtin.ruleset";

	/** Id of the built-in rule set. */
	public static final String ID = "builtin";

	private BuiltinRules() {
	}

	/**
	 * Loads a fresh copy of the built-in rule set. Each call returns new objects, so a caller may add the result to
	 * a review (which takes ownership of it) or edit it without affecting other callers.
	 *
	 * @return the rule set
	 * @throws IllegalStateException when the resource is missing from the class path (a packaging error)
	 * @throws UncheckedIOException  when the resource cannot be read
	 */
	public static RuleSet load() {
		try (InputStream in = BuiltinRules.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(
						"built-in rule set not on the class path: " + RESOURCE + " (is rules/ in build.properties?)");
			}
			return RuleSets.read(in, RESOURCE);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the built-in rule set " + RESOURCE, e);
		}
	}
}
