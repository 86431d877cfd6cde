package procurement.review.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;

/**
 * A reviewer's tags on vendors: one tag per vendor, all added by one undoable command. The matcher never touches
 * them, since their author is the reviewer.
 */
public final class VendorTagging {

	private VendorTagging() {
	}

	/**
	 * @param domain   the review's editing domain
	 * @param review   the review
	 * @param vendors  the vendors to tag
	 * @param kind     origin or risk
	 * @param value    an origin's country code ("CHN", "FOREIGN") or a risk's subject; trimmed, may be empty
	 * @param risk     the risk level the tag states
	 * @param evidence why the reviewer says so
	 * @param author   the reviewer
	 * @return the command adding one tag per vendor; not executable for no vendors
	 */
	public static Command tag(EditingDomain domain, ReviewProject review, Collection<Vendor> vendors, TagKind kind,
			String value, RiskLevel risk, String evidence, String author) {
		Instant now = Instant.now();
		List<Tag> tags = new ArrayList<>(vendors.size());
		for (Vendor vendor : vendors) {
			Tag tag = ReviewFactory.eINSTANCE.createTag();
			tag.setKind(kind);
			tag.setVendor(vendor);
			tag.setValue(value == null ? "" : value.strip());
			tag.setRiskLevel(risk);
			tag.setEvidence(evidence == null || evidence.isBlank() ? "tagged by " + author : evidence.strip());
			tag.setAuthor(author);
			tag.setTime(now);
			tags.add(tag);
		}
		CompoundCommand command = new CompoundCommand(
				vendors.size() == 1 ? "Tag vendor" : "Tag " + vendors.size() + " vendors");
		command.append(AddCommand.create(domain, review, ReviewPackage.Literals.REVIEW_PROJECT__TAGS, tags));
		if (!tags.isEmpty()) {
			command.append(AuditLog.append(domain, review, author, "tag", kind + " " + tags.get(0).getValue() + " ("
					+ risk + ") on " + (vendors.size() == 1 ? vendors.iterator().next().getName()
							: vendors.size() + " vendors")));
		}
		return command;
	}
}
