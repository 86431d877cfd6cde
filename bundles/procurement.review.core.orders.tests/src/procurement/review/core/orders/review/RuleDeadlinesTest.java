package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.review.DeadlineSchedule.Entry;
import procurement.review.model.RuleSet;
import procurement.review.rules.BuiltinRules;
import procurement.review.rules.RuleSets;

/**
 * The deadline table of every rule of the built-in rule set, counted by hand across weekends and observed federal
 * holidays: calendar days for BOD 17-01 (not moved off a weekend), business days for the FAR reports, the further
 * information counted from the report's date, and no step at all for the rules whose sources set none.
 */
class RuleDeadlinesTest {

	private static final RuleSet BUILTIN = BuiltinRules.load();

	@ParameterizedTest(name = "{0} issued {1}")
	@CsvSource(delimiter = '|', textBlock = """
            # BOD 17-01's own dates; the plan fell on a Sunday and stays there.
            BOD-17-01                | 2017-09-13 | identify=2017-10-13 plan=2017-11-12 remove=2017-12-12 status 1=2018-01-11 status 2=2018-02-10 status 3=2018-03-12
            # Report 3 business days: Friday after Thanksgiving is a working day; further information 10 after it.
            NDAA18-1634              | 2024-11-27 | report=2024-12-03 details=2024-12-17
            # The issue's example: Juneteenth observed Friday 2021-06-18, Independence Day Monday 2021-07-05.
            NDAA19-889A              | 2021-06-17 | report=2021-06-21 details=2021-07-06
            # Christmas on a Friday, New Year's Day on the next Friday.
            NDAA19-889B              | 2020-12-24 | report=2020-12-28 details=2021-01-12
            # Christmas 2022 on a Sunday, observed Monday the 26th; New Year's Day 2023 observed Monday the 2nd.
            NDAA19-889A-SURVEILLANCE | 2022-12-23 | report=2022-12-27 details=2023-01-11
            # A report due over Labor Day weekend.
            NDAA19-889A              | 2019-08-30 | report=2019-09-03 details=2019-09-17
            # Sources that set no agency step: no deadline is invented.
            FCC-CL                   | 2026-03-02 | (none)
            ICTS-2024-KASPERSKY      | 2024-10-01 | (none)
            BIS-EL-2024              | 2024-10-01 | (none)
            """)
	void deadlineTable(String ruleId, LocalDate issued, String expected) {
		List<Entry> entries = DeadlineSchedule.compute(RuleSets.rule(BUILTIN, ruleId), issued, 3,
				BusinessCalendar.federal());
		String actual = entries.isEmpty() ? "(none)"
				: String.join(" ", entries.stream().map(e -> e.name() + "=" + e.date()).toList());
		assertEquals(expected, actual);
	}
}
