package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {

	private static String[] lines(String file) throws IOException {
		return Files.readAllLines(Path.of("data/real", file)).stream().filter(s -> !s.isBlank())
				.toArray(String[]::new);
	}

	@Test
	void currentTransactionsInAnyOrderAndSpelling() throws IOException {
		List<String> header = new ArrayList<>(List.of(lines("usaspending_contract_prime_transactions_columns_current.txt")));
		assertEquals(297, header.size());
		Collections.reverse(header);
		header.replaceAll(h -> h.equals("award_id_piid") ? "Award ID PIID" : h.toUpperCase());
		header.add("My Own Notes");
		ColumnMapping m = ColumnMapping.fromHeader(header.toArray(String[]::new));
		assertEquals(ColumnGeneration.CURRENT_TRANSACTIONS, m.generation());
		assertTrue(m.confidence() > 0.99, String.valueOf(m.confidence()));
		assertEquals(header.indexOf("Award ID PIID"), m.indexOf(ContractField.piid));
		assertEquals(header.indexOf("RECIPIENT_UEI"), m.indexOf(ContractField.vendorUei));
		assertEquals(header.indexOf("RECIPIENT_PARENT_UEI"), m.indexOf(ContractField.parentUei));
		assertEquals(header.indexOf("TRANSACTION_DESCRIPTION"), m.indexOf(ContractField.description));
		assertEquals(header.indexOf("DOMESTIC_OR_FOREIGN_ENTITY"), m.indexOf(ContractField.domesticOrForeignEntityName));
		assertEquals(List.of(header.size() - 1), m.unknownColumns());
	}

	@Test
	void awardSummaries() throws IOException {
		ColumnMapping m = ColumnMapping.fromHeader(lines("usaspending_contract_prime_award_summaries_columns_current.txt"));
		assertEquals(ColumnGeneration.CURRENT_AWARDS, m.generation());
		assertEquals(286, m.columnCount());
		assertTrue(m.indexOf(ContractField.awardKey) >= 0);
		assertEquals(-1, m.indexOf(ContractField.transactionKey));
	}

	@Test
	void customHeaderUsesKnownSpellings() {
		ColumnMapping m = ColumnMapping.fromHeader(new String[] {"Vendor Name", "Procurement Instrument Identifier",
			"Date Signed", "Action Obligation", "Comment"});
		assertEquals(ColumnGeneration.CUSTOM, m.generation());
		assertEquals(0, m.indexOf(ContractField.vendorName));
		assertEquals(1, m.indexOf(ContractField.piid));
		assertEquals(2, m.indexOf(ContractField.actionDate));
		assertEquals(3, m.indexOf(ContractField.obligation));
		assertEquals(List.of(4), m.unknownColumns());
	}

	@Test
	void dataRowOfUnknownWidthIsTakenAsCustomHeader() {
		ColumnMapping m = ColumnMapping.detect(new String[] {"ABC123", "2019-01-01", "12.00"});
		assertEquals(ColumnGeneration.CUSTOM, m.generation());
		assertEquals(0.0, m.confidence());
	}

	@Test
	void aReviewerMovesAndDropsFields() {
		ColumnMapping m = ColumnMapping.fromHeader(new String[] {"Vendor", "Ref", "Date", "Amount"});
		assertEquals(-1, m.indexOf(ContractField.piid));
		ColumnMapping corrected = m.with(ContractField.piid, 1).with(ContractField.actionDate, -1);
		assertEquals(1, corrected.indexOf(ContractField.piid));
		assertEquals(-1, corrected.indexOf(ContractField.actionDate));
		assertEquals(0, corrected.indexOf(ContractField.vendorName));
		assertEquals(1.0, corrected.confidence());
		assertEquals(2, m.indexOf(ContractField.actionDate), "the original is unchanged");
	}
}
