package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.VendorTagging;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.RiskLevel;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;
import procurement.review.ui.handlers.OpenHandler;
import procurement.review.ui.parts.HitsPart;

/**
 * A review whose file was changed outside the workbench opens read-only under a banner that says what changed and
 * where; a decision cannot be made in it; accepting it as a new baseline (an audit entry) hides the banner and lets
 * the reviewer go on. An untouched review shows no banner at all.
 */
class IntegrityBannerTest {

	@TempDir
	Path dir;

	@Test
	void aReviewChangedOutsideOpensReadOnlyUntilAccepted() throws Throwable {
		ReviewSession sample = SampleReview.open();
		Vendor vendor = sample.review().getMatches().get(0).getVendor();
		sample.commandStack().execute(VendorTagging.tag(sample.editingDomain(), sample.review(), List.of(vendor),
				TagKind.ORIGIN, "RUS", RiskLevel.ELEVATED, "registry", "jane"));
		Path file = dir.resolve("changed.review");
		sample.saveAs(file);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		String name = "name=\"" + vendor.getName() + "\"";
		assertTrue(text.contains(name), name);
		Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(name), "name=\"SOMEONE ELSE LLC\""),
				StandardCharsets.UTF_8);
		int entries = sample.review().getAuditLog().size();

		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			MApplication application = context.get(MApplication.class);
			MToolControl control = (MToolControl) context.get(EModelService.class)
					.find("procurement.review.ui.integritybanner", application);
			IntegrityBanner banner = (IntegrityBanner) control.getObject();
			assertEquals("", banner.text(), "no banner over an untouched review");
			assertFalse(control.getParent().isVisible());
			try {
				OpenHandler.open(application, file);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			ReviewSession open = application.getContext().get(ReviewSession.class);
			assertTrue(open.isReadOnly());
			WorkbenchHarness.await(display, () -> !banner.text().isEmpty(), 5000, () -> "the banner shows");
			assertTrue(control.getParent().isVisible(), "the top trim bar shows");
			assertTrue(banner.text().startsWith("Read-only: this review was changed outside the workbench. vendor "),
					banner.text());
			assertTrue(banner.text().contains(" changed after entry " + entries), banner.text());

			EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
			HitsPart hits = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.hits", HitsPart.class);
			Match undecided = open.review().getMatches().stream().filter(m -> m.getDecision() == null).findFirst()
					.orElseThrow();
			hits.viewer().setSelection(new StructuredSelection(undecided), true);
			hits.decide(DecisionState.SAME);
			assertNull(undecided.getDecision(), "nothing is decided in a read-only review");
			StatusLine status = (StatusLine) ((MToolControl) context.get(EModelService.class)
					.find("procurement.review.ui.statusline", application)).getObject();
			assertTrue(status.message().startsWith("Not decided: the review is read-only"), status.message());

			banner.accept();
			assertFalse(open.isReadOnly());
			assertEquals("", banner.text());
			assertFalse(control.getParent().isVisible(), "the banner is gone");
			assertEquals(AuditLog.BASELINE, open.review().getAuditLog().get(entries).getAction());
			assertTrue(open.check().isEmpty());
			hits.viewer().setSelection(new StructuredSelection(undecided), true);
			hits.decide(DecisionState.SAME);
			assertEquals(DecisionState.SAME, undecided.getDecision().getState(), "decided after the baseline");
		});
	}
}
