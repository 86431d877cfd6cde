package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reviewer's settings are stored and applied: name, rule, threshold, closure days, recent files. */
class ReviewPreferencesTest {

	@Test
	void settingsAreStoredAndTheCalendarUsesTheClosures() {
		ReviewPreferences.store("Jane Roe", "NDAA19-889A", 0.8, "2018-12-24 Executive order closure\n");
		assertEquals("Jane Roe", ReviewPreferences.reviewer());
		assertEquals("NDAA19-889A", ReviewPreferences.defaultRule());
		assertEquals(0.8, ReviewPreferences.threshold());
		// Friday 2018-12-21 + 1 business day: Monday the 24th is closed, Tuesday the 25th is Christmas.
		assertEquals(LocalDate.of(2018, 12, 26),
				ReviewPreferences.calendar().addBusinessDays(LocalDate.of(2018, 12, 21), 1));
		ReviewPreferences.store("", "BOD-17-01", 0.7, "");
		assertEquals(System.getProperty("user.name"), ReviewPreferences.reviewer());
	}

	@Test
	void recentFilesAreNewestFirstWithoutDuplicates() {
		ReviewPreferences.remember(Path.of("/tmp/a.review"));
		ReviewPreferences.remember(Path.of("/tmp/b.review"));
		ReviewPreferences.remember(Path.of("/tmp/a.review"));
		List<Path> recent = ReviewPreferences.recentFiles();
		assertEquals(Path.of("/tmp/a.review"), recent.get(0));
		assertEquals(Path.of("/tmp/b.review"), recent.get(1));
		assertEquals(recent.size(), recent.stream().distinct().count());
	}
}
