package procurement.review.core.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds orders that look like the ones a BOD 17-01 review produces. */
final class SampleOrders {

	static final LocalDate ISSUED = LocalDate.of(2017, 9, 13);
	static final String CYRILLIC_VENDOR = "АО «Лаборатория Касперского»";
	static final String CHINESE_VENDOR = "华为技术有限公司";

	private static final String[] COMPONENTS = {
		"Internal Revenue Service", "Bureau of the Fiscal Service", "Departmental Offices",
		"United States Mint",
	};
	private static final String[][] VENDORS = {
		{"CDW GOVERNMENT LLC", "Kaspersky Lab, Inc.", "description: KASPERSKY ENDPOINT SECURITY (word match)"},
		{"KASPERSKY LAB  INC", "Kaspersky Lab, Inc.", "name: KASPERSKY (distinctive token), legal form INC"},
		{CYRILLIC_VENDOR, "AO Kaspersky Lab", "alias (Cyrillic) of AO Kaspersky Lab"},
		{CHINESE_VENDOR, "Huawei Technologies Co., Ltd.", "alias (Chinese) of Huawei Technologies Co., Ltd."},
		{"SHI INTERNATIONAL CORP", "Kaspersky Lab, Inc.", "description: KASPERSKY ANTI-VIRUS renewal"},
	};

	private SampleOrders() {
	}

	static OrderDocument order(String number, int lineCount) {
		List<OrderLine> lines = new ArrayList<>(lineCount);
		for (int i = 0; i < lineCount; i++) {
			lines.add(line(i));
		}
		return order(number, lines);
	}

	static OrderDocument order(String number, List<OrderLine> lines) {
		PointOfContact poc = new PointOfContact("Jane Q. Roe", "202-555-0100", "jane.roe@treasury.example");
		List<String> components = List.of(COMPONENTS);
		return new OrderDocument(number, 0, "DRAFT", "Department of the Treasury", components,
				new RuleReference("BOD-17-01", "Binding Operational Directive 17-01 (DHS, September 13, 2017)",
						"Removal of Kaspersky-branded Products", "2017.1", LocalDate.of(2017, 9, 13)),
				ISSUED, bodSteps(ISSUED), "John A. Reviewer", poc,
				"9f2c4e1ab37d5e60c0ffee1234567890abcdef0123456789abcdef0123456789",
				"5a1d0c7e2b9f4e3a8c6d1b0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", lines, OrderForm.REMOVAL_PLAN,
				BodPlan.prefilled("Department of the Treasury", poc, components, lines), null);
	}

	/** The BOD 17-01 steps as the built-in rule set words them: 30, 60 and 90 days, status reports after. */
	static List<OrderStep> bodSteps(LocalDate issued) {
		return List.of(
				new OrderStep("identify", "Identify", List.of(issued.plusDays(30)), "Products found (or a"
						+ " statement that none were), endpoints affected per product, and the methods used to find"
						+ " them", "BOD 17-01, required action 1"),
				new OrderStep("plan", "Plan", List.of(issued.plusDays(60)), "A removal plan with the 14 elements"
						+ " a to n", "BOD 17-01, required action 2"),
				new OrderStep("remove", "Remove", List.of(issued.plusDays(90)), "Begin removal according to the"
						+ " plan, unless told otherwise", "BOD 17-01, required action 3"),
				new OrderStep("status", "Status reports", List.of(issued.plusDays(120), issued.plusDays(150),
						issued.plusDays(180)), "Status of the removal, every 30 days until it is complete",
						"BOD 17-01, required action 3"));
	}

	static String piid(int i) {
		return String.format("TIRNO17K%05dA", i);
	}

	static OrderLine line(int i) {
		String[] v = VENDORS[i % VENDORS.length];
		LineStatus status = i % 17 == 5 ? LineStatus.UNSURE : i % 7 == 3 ? LineStatus.UNREVIEWED
				: LineStatus.CONFIRMED;
		BigDecimal amount = new BigDecimal((i * 7919L) % 250_000 + "." + String.format("%02d", i % 100));
		if (i % 23 == 11) {
			amount = amount.negate();
		}
		return new OrderLine(COMPONENTS[i % COMPONENTS.length], piid(i), i % 3 == 0 ? "0" : "P0000" + (i % 9),
				ISSUED.minusDays(30 + i % 900), v[0], v[1], v[2], amount,
				i % 5 == 4 ? "KASPERSKY ANTI-VIRUS SOFTWARE LICENSE RENEWAL AND MAINTENANCE FOR FIELD OFFICES, "
						+ "INCLUDING ENDPOINT SECURITY FOR WINDOWS SERVERS"
						: "SOFTWARE MAINTENANCE",
				"usaspending_transactions_FY2017.csv", 2 + i * 3L, status);
	}
}
