package procurement.review.core.matching.review;

import java.time.LocalDate;

import procurement.review.core.matching.NameHit;
import procurement.review.model.ContractAction;
import procurement.review.model.Vendor;

/** Per-vendor state of one run; counts of raw field values so the action pass does not allocate. */
final class VendorState {
	final Vendor vendor;
	NameHit own;
	boolean ownById;
	boolean trackDates;
	long actions;
	LocalDate minDate;
	LocalDate maxDate;
	long undated;
	final ValueCounts origin = new ValueCounts();
	final ValueCounts manufacture = new ValueCounts();
	final ValueCounts entityType = new ValueCounts();
	/** Position in the review's vendor list, -1 for a vendor outside it. */
	final int index;

	VendorState(Vendor vendor, int index) {
		this.vendor = vendor;
		this.index = index;
	}

	void merge(VendorState o) {
		actions += o.actions;
		undated += o.undated;
		if (o.minDate != null && (minDate == null || o.minDate.isBefore(minDate))) {
			minDate = o.minDate;
		}
		if (o.maxDate != null && (maxDate == null || o.maxDate.isAfter(maxDate))) {
			maxDate = o.maxDate;
		}
		origin.merge(o.origin);
		manufacture.merge(o.manufacture);
		entityType.merge(o.entityType);
	}

	void add(ContractAction a) {
		actions++;
		origin.add(a.getOriginCountryCode(), a.getOriginCountryName());
		manufacture.add(a.getPlaceOfManufactureCode(), a.getPlaceOfManufactureName());
		entityType.add(a.getDomesticOrForeignEntityCode(), null);
		if (trackDates) {
			addDate(a.getActionDate());
		}
	}

	void addDate(LocalDate d) {
		if (d == null) {
			undated++;
		} else {
			if (minDate == null || d.isBefore(minDate)) {
				minDate = d;
			}
			if (maxDate == null || d.isAfter(maxDate)) {
				maxDate = d;
			}
		}
	}
}
