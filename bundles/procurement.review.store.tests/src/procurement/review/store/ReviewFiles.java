package procurement.review.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.command.CompoundCommand;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.review.OrderGenerator;

/**
 * Review files made the way a reviewer makes them: a USAspending-style CSV imported and tagged, then saved.
 */
final class ReviewFiles {

	/** Vendors that the built-in rule set covers, one hit or more each; each has its own UEI. */
	static final List<String> COVERED = List.of("KASPERSKY LAB INC", "KASPERSKY GOVERNMENT SECURITY SOLUTIONS INC",
			"HUAWEI TECHNOLOGIES USA INC", "HUAWEI TECHNOLOGIES CO LTD", "ZTE CORPORATION", "ZTE USA INC",
			"HIKVISION USA INC", "DAHUA TECHNOLOGY USA INC", "HYTERA COMMUNICATIONS CORPORATION LIMITED",
			"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD");

	private static final String HEADER = "contract_transaction_unique_key,contract_award_unique_key,award_id_piid,"
			+ "modification_number,action_date,federal_action_obligation,awarding_agency_code,awarding_agency_name,"
			+ "recipient_name,recipient_uei,transaction_description\n";

	private ReviewFiles() {
	}

	/**
	 * @param dir   where to write
	 * @param other vendors no rule covers, one row each, after two rows of each {@link #COVERED} vendor
	 * @return a tagged review file
	 */
	static Path tagged(Path dir, int other) throws Exception {
		return imported(dir, other, true);
	}

	/**
	 * @param dir   where to write
	 * @param other vendors no rule covers, as in {@link #tagged}
	 * @return the same review imported but never tagged: no rule set, no hit
	 */
	static Path untagged(Path dir, int other) throws Exception {
		return imported(dir, other, false);
	}

	private static Path imported(Path dir, int other, boolean tag) throws Exception {
		StringBuilder csv = new StringBuilder(HEADER);
		int row = 0;
		for (int i = 0; i < COVERED.size(); i++) {
			for (int j = 0; j < 2; j++) {
				csv.append(row(++row, COVERED.get(i), String.format("CV%010d", i)));
			}
		}
		for (int i = 0; i < other; i++) {
			csv.append(row(++row, "ACME SUPPLY " + i + " LLC", String.format("AC%010d", i)));
		}
		Path file = dir.resolve("covered.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("covered");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(file, new NullProgressMonitor());
		CompoundCommand command = new CompoundCommand("Import");
		command.append(importer.command(session.editingDomain(), result));
		command.append(AuditLog.append(session.editingDomain(), session.review(), "alice", "import",
				result.report().getFileName()));
		session.commandStack().execute(command);
		if (tag) {
			ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		}
		Path review = dir.resolve("covered.review");
		session.saveAs(review);
		return review;
	}

	/**
	 * @param dir where to write
	 * @return a tagged review file with draft orders of BOD 17-01 (its Kaspersky hits), issued on 2019-06-01
	 */
	static Path withOrders(Path dir) throws Exception {
		Path file = tagged(dir, 0);
		ReviewSession session = ReviewSession.open(file);
		OrderGenerator generator = new OrderGenerator(session).reviewer("alice");
		OrderGenerator.Result result = generator.generate(
				OrderGenerator.findRule(session.review(), OrderGenerator.DEFAULT_RULE_ID), LocalDate.of(2019, 6, 1));
		if (result.created().isEmpty()) {
			throw new IllegalStateException("no order made: " + result.summary());
		}
		session.save();
		return file;
	}

	private static String row(int n, String vendor, String uei) {
		return "T" + n + ",CONT_AWD_A" + n + "_1500_-NONE-_-NONE-,A" + n + ",0,2019-03-01," + (100 + n)
				+ ".00,015,Department of Justice," + vendor + "," + uei + ",NETWORK EQUIPMENT\n";
	}

}
