package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;

/** A screening's hits file imports like any report, each action located at the row its hit came from. */
class RowOriginTest {

	@TempDir
	Path dir;

	@Test
	void theActionsOfAHitsFileAreLocatedAtTheirOriginalRows() throws IOException, ImportException {
		Path hits = dir.resolve("hits.csv");
		Files.writeString(hits, String.join("\r\n",
				"award_id_piid,recipient_name,action_date,federal_action_obligation,awarding_agency_name,rule,entity,"
						+ "score,explanation,source_file,source_sheet,source_row",
				"GS11P1,KASPERSKY LAB INC,2019-05-02,100.00,General Services Administration,BOD-17-01,KASPERSKY,1.0,"
						+ "name: ...,/data/in/awards.csv,awards.csv,17",
				"GS11P2,ZTE USA INC,2019-05-03,200.00,General Services Administration,NDAA19-889A,ZTE,0.95,"
						+ "name: ...,/data/in/download.zip,Contracts_PrimeTransactions_1.csv,5",
				"GS11P3,HUAWEI TECHNOLOGIES CO LTD,2019-05-04,300.00,General Services Administration,NDAA19-889A,"
						+ "HUAWEI,1.0,name: ...,,,"),
				StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Hits");
		ImportResult result = ReviewImporterTest.importInto(session, hits);
		List<ContractAction> actions = result.report().getActions();
		assertEquals(3, actions.size());
		assertEquals("awards.csv", actions.get(0).getSourceSheet());
		assertEquals(17, actions.get(0).getSourceRow());
		assertEquals("download.zip / Contracts_PrimeTransactions_1.csv", actions.get(1).getSourceSheet());
		assertEquals(5, actions.get(1).getSourceRow());
		// a row that names no origin stays where it is in the hits file
		assertEquals("hits.csv", actions.get(2).getSourceSheet());
		assertEquals(4, actions.get(2).getSourceRow());
		assertEquals(List.of("rule", "entity", "score", "explanation", "source_file", "source_sheet", "source_row"),
				result.report().getExtraColumns().subList(result.report().getExtraColumns().size() - 7,
						result.report().getExtraColumns().size()));
	}

	@Test
	void onlyAHeaderWithTheRowAndTheFileOrSheetIsAHitsFile() {
		assertNull(RowOrigin.of(new String[] { "award_id_piid", "source_row" }));
		assertNull(RowOrigin.of(new String[] { "source_file", "source_sheet" }));
		RowOrigin origin = RowOrigin.of(new String[] { "source_sheet", "source_row" });
		assertEquals(new RowOrigin.Located("Sheet1", 9), origin.locate(new String[] { "Sheet1", "9" }));
		assertNull(origin.locate(new String[] { "Sheet1", "nine" }));
	}
}
