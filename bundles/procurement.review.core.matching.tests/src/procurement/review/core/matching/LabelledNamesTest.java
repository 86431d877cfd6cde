package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the name matcher on the labelled set at the default threshold. A hit on the wrong
 * family counts as both a false positive and a false negative.
 */
class LabelledNamesTest {

	@Test
	void precisionAndRecallAtDefaultThreshold() {
		NameMatcher matcher = new NameMatcher(TestData.families());
		List<TestData.Labelled> labelled = TestData.labelled();
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		List<String> misses = new ArrayList<>();
		for (TestData.Labelled l : labelled) {
			Optional<NameHit> hit = matcher.match(l.name());
			String got = hit.map(NameHit::familyId).orElse("NONE");
			boolean expectHit = !l.expected().equals("NONE");
			if (expectHit && got.equals(l.expected())) {
				tp++;
			} else if (!expectHit && got.equals("NONE")) {
				tn++;
			} else {
				if (!got.equals("NONE")) {
					fp++;
				}
				if (expectHit) {
					fn++;
				}
				misses.add(String.format("%s: expected %s got %s (%s) [%s]", l.name(), l.expected(), got,
						hit.map(NameHit::explanation).orElse(matcher.score(l.name()).map(NameHit::explanation)
								.orElse("no candidate")), l.note()));
			}
		}
		double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
		double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
		System.out.printf(Locale.ROOT,
				"labelled names: %d (positives %d); TP=%d FP=%d FN=%d TN=%d; precision=%.4f recall=%.4f%n",
				labelled.size(), tp + fn, tp, fp, fn, tn, precision, recall);
		misses.forEach(m -> System.out.println("  miss: " + m));
		assertTrue(labelled.size() >= 150, "labelled set too small: " + labelled.size());
		assertTrue(precision >= 0.98, "precision " + precision + " misses " + misses);
		assertTrue(recall >= 0.98, "recall " + recall + " misses " + misses);
	}
}
