package procurement.review.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.BinaryResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.junit.jupiter.api.Test;

/** The model round-trips through both persistence formats with every kind of value intact. */
class ReviewModelTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	static ReviewProject sampleReview() {
		ReviewProject review = F.createReviewProject();
		review.setName("Round trip");
		review.setCreatedAt(Instant.parse("2017-09-13T14:00:00Z"));
		Department treasury = F.createDepartment();
		treasury.setCode("2000");
		treasury.setName("Department of the Treasury");
		Component irs = F.createComponent();
		irs.setCode("2050");
		irs.setName("Internal Revenue Service");
		treasury.getComponents().add(irs);
		review.getDepartments().add(treasury);

		Vendor parent = F.createVendor();
		parent.setName("POONGSAN CORPORATION");
		parent.setKey("duns:687826786");
		Vendor vendor = F.createVendor();
		vendor.setName("PMX INDUSTRIES  INC.");
		vendor.setKey("duns:103814058");
		vendor.setParent(parent);
		review.getVendors().addAll(List.of(parent, vendor));

		ContractingReport report = F.createContractingReport();
		report.setFileName("usaspending_legacy_treasury_contracts_2016.csv");
		report.setFormat(ReportFormat.CSV);
		report.setRowCount(2);
		report.getExtraColumns().add("transaction_status");
		ContractAction action = F.createContractAction();
		action.setPiid("TMHQ16C0005");
		action.setActionDate(LocalDate.of(2016, 9, 8));
		action.setObligation(new BigDecimal("-1234.56"));
		action.setVendor(vendor);
		action.setDepartment(treasury);
		action.setComponent(irs);
		action.setSourceRow(2);
		action.getExtraValues().add("active");
		report.getActions().add(action);
		review.getReports().add(report);
		return review;
	}

	@Test
	void roundTripsThroughXmi() throws IOException {
		assertRoundTrip(new XMIResourceImpl(URI.createURI("memory:/review.review")));
	}

	@Test
	void roundTripsThroughBinary() throws IOException {
		assertRoundTrip(new BinaryResourceImpl(URI.createURI("memory:/review.reviewb")));
	}

	private static void assertRoundTrip(Resource resource) throws IOException {
		ReviewProject original = sampleReview();
		resource.getContents().add(original);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		resource.save(bytes, Map.of());

		Resource reloaded = resource instanceof BinaryResourceImpl
				? new BinaryResourceImpl(resource.getURI())
				: new XMIResourceImpl(resource.getURI());
		new ResourceSetImpl().getResources().add(reloaded);
		reloaded.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of());
		EObject copy = reloaded.getContents().get(0);

		assertNotSame(original, copy);
		assertTrue(EcoreUtil.equals(original, copy), "reloaded review equals the saved one");
		ReviewProject review = (ReviewProject) copy;
		ContractAction action = review.getReports().get(0).getActions().get(0);
		assertEquals(new BigDecimal("-1234.56"), action.getObligation());
		assertEquals(LocalDate.of(2016, 9, 8), action.getActionDate());
		assertEquals(Instant.parse("2017-09-13T14:00:00Z"), review.getCreatedAt());
		assertSame(review.getVendors().get(0), action.getVendor().getParent());
		assertSame(review.getDepartments().get(0).getComponents().get(0), action.getComponent());
		assertSame(review.getReports().get(0), action.getReport());
		assertEquals(List.of("active"), action.getExtraValues());
	}

	@Test
	void enumLiteralsKeepTheirNames() {
		assertEquals(DecisionState.NOT_SAME, DecisionState.get("NOT_SAME"));
		assertEquals(ReportFormat.FPDS_ATOM, ReportFormat.getByName("FPDS_ATOM"));
	}
}
