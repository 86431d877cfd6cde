package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.edit.command.AddCommand;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Vendor;

/** Autosave writes a recovery copy only while the review is dirty, without touching the review itself. */
class AutosaveTest {

	@Test
	void recoveryCopyFollowsTheDirtyState() throws Exception {
		Autosave.clear();
		ReviewSession session = ReviewSession.create("Autosave");
		assertTrue(Autosave.writeInBackground(session));
		assertTrue(Autosave.leftover().isEmpty(), "a clean review leaves no copy");

		Vendor vendor = ReviewFactory.eINSTANCE.createVendor();
		vendor.setName("UNSAVED VENDOR");
		session.commandStack().execute(AddCommand.create(session.editingDomain(), session.review(),
				ReviewPackage.Literals.REVIEW_PROJECT__VENDORS, vendor));
		assertTrue(Autosave.writeInBackground(session));
		Path copy = Autosave.leftover().orElseThrow();
		assertTrue(session.isDirty(), "autosave does not count as saving");
		assertEquals(null, session.file(), "autosave does not give the review a file");
		try (InputStream in = Files.newInputStream(copy)) {
			ReviewSession restored = ReviewSession.load(in, copy.getFileName().toString());
			assertEquals("UNSAVED VENDOR", restored.review().getVendors().get(0).getName());
		}

		session.commandStack().undo();
		assertTrue(Autosave.writeInBackground(session));
		assertFalse(Files.exists(copy), "the copy goes once nothing is unsaved");
	}
}
