package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.junit.jupiter.api.Test;

import procurement.review.model.RiskLevel;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;

/** A reviewer tags several vendors at once: one tag each, one command, undone as one. */
class VendorTaggingTest {

	@Test
	void tagsEveryVendorInOneUndoableCommand() {
		ReviewSession session = ReviewSession.create("Tagging");
		List<Vendor> vendors = TestReviews.addVendors(session, "ALPHA SECURITY LLC", "BETA CAMERAS INC",
				"GAMMA SUPPLIES");
		Vendor a = vendors.get(0);
		Vendor b = vendors.get(1);
		Command command = VendorTagging.tag(session.editingDomain(), session.review(), List.of(a, b), TagKind.ORIGIN,
				" CHN ", RiskLevel.ELEVATED, "parent company registered in Shenzhen", "Jane Roe");
		session.commandStack().execute(command);
		List<Tag> tags = session.review().getTags();
		assertEquals(2, tags.size());
		assertEquals(List.of(a, b), tags.stream().map(Tag::getVendor).toList());
		for (Tag tag : tags) {
			assertEquals(TagKind.ORIGIN, tag.getKind());
			assertEquals("CHN", tag.getValue());
			assertEquals(RiskLevel.ELEVATED, tag.getRiskLevel());
			assertEquals("parent company registered in Shenzhen", tag.getEvidence());
			assertEquals("Jane Roe", tag.getAuthor());
			assertTrue(tag.getTime() != null);
		}
		assertEquals("Tag 2 vendors", session.commandStack().getUndoCommand().getLabel());
		session.commandStack().undo();
		assertTrue(session.review().getTags().isEmpty(), "undo removes every tag of the command");
		assertFalse(VendorTagging.tag(session.editingDomain(), session.review(), List.of(), TagKind.RISK, "",
				RiskLevel.NONE, "", "Jane Roe").canExecute(), "nothing to tag");
	}
}
