package procurement.review.core.importer.internal.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import procurement.review.core.importer.ColumnGeneration;

class ColumnTableTest {

	@Test
	void committedTableIsUpToDate() throws IOException {
		assertEquals(ColumnTableGenerator.generate(), Files.readString(ColumnTableGenerator.TABLE),
				"columns.tsv differs from what ColumnTableGenerator produces: run it and commit the result");
	}

	@Test
	void layoutsHaveTheirRealWidths() {
		var layouts = ColumnTable.get().layouts();
		assertEquals(297, layouts.get("CURRENT_TRANSACTIONS").normalizedHeaders().size());
		assertEquals(286, layouts.get("CURRENT_AWARDS").normalizedHeaders().size());
		assertEquals(277, layouts.get("DOWNLOAD_2019").normalizedHeaders().size());
		assertEquals(261, layouts.get("DOWNLOAD_2019_261").normalizedHeaders().size());
		assertEquals(225, layouts.get("LEGACY").normalizedHeaders().size());
		assertEquals(ColumnGeneration.DOWNLOAD_2019, layouts.get("DOWNLOAD_2019_261").generation());
	}

	@Test
	void normalizeIgnoresCaseAndPunctuation() {
		assertEquals("awardidpiid", ColumnTable.normalize("Award ID (PIID)"));
		assertEquals(ColumnTable.normalize("award_id_piid"), ColumnTable.normalize("AWARD-ID-PIID"));
	}
}
