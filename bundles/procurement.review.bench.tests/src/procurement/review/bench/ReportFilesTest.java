package procurement.review.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.model.ContractAction;

/**
 * The generated files must be what the benchmark claims: the same rows in both formats, read by the importer
 * without problems, with dates, negative amounts and covered vendors present.
 */
class ReportFilesTest {

	@TempDir
	Path dir;

	@Test
	void xlsxAndCsvImportToTheSameActions() throws Exception {
		SyntheticReports reports = new SyntheticReports(3_000);
		Path xlsx = dir.resolve("c.xlsx");
		Path csv = dir.resolve("c.csv");
		ReportFiles.write(reports, xlsx, csv, "Contracts");

		List<ContractAction> fromXlsx = importActions(xlsx);
		List<ContractAction> fromCsv = importActions(csv);
		assertEquals(3_000, fromXlsx.size());
		assertEquals(3_000, fromCsv.size());
		BigDecimal sumXlsx = BigDecimal.ZERO;
		BigDecimal sumCsv = BigDecimal.ZERO;
		boolean negative = false;
		for (int i = 0; i < fromXlsx.size(); i++) {
			ContractAction x = fromXlsx.get(i);
			ContractAction c = fromCsv.get(i);
			assertEquals(c.getTransactionKey(), x.getTransactionKey());
			assertEquals(c.getActionDate(), x.getActionDate());
			assertEquals(c.getVendor().getName(), x.getVendor().getName());
			assertTrue(x.getActionDate() != null, "dates come from serial numbers with a date style");
			sumXlsx = sumXlsx.add(x.getObligation());
			sumCsv = sumCsv.add(c.getObligation());
			negative |= x.getObligation().signum() < 0;
		}
		assertEquals(0, sumCsv.compareTo(sumXlsx));
		assertTrue(negative, "deobligations are generated");
		assertTrue(fromCsv.stream().anyMatch(a -> SyntheticReports.coveredSpellings().contains(a.getVendor().getName())),
				"covered vendor spellings are generated");
	}

	@Test
	void unknownOptionIsBadInput() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Bench.run(new String[] { "--nope" }, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(2, code);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --nope"));
	}

	private static List<ContractAction> importActions(Path file) throws Exception {
		ReviewSession session = ReviewSession.create("t");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(file, null);
		assertEquals(0, result.report().getProblems().size(), () -> file + ": " + result.report().getProblems());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		return session.review().getReports().get(0).getActions();
	}
}
