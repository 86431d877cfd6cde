package procurement.review.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import procurement.review.model.validation.ReviewModelValidator;

/** Each invariant of the review is caught by the Diagnostician, with its own code. */
class ReviewModelValidatorTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	@BeforeAll
	static void register() {
		ReviewModelValidator.register();
	}

	private static List<Integer> codes(EObject object) {
		Diagnostic result = Diagnostician.INSTANCE.validate(object);
		return result.getChildren().stream().map(Diagnostic::getCode).toList();
	}

	@Test
	void validReviewHasNoErrors() {
		ReviewProject review = ReviewModelTest.sampleReview();
		assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(review).getSeverity());
	}

	@Test
	void decisionMustPointAtMatch() {
		Decision decision = F.createDecision();
		decision.setMatchKey("name:X|KASPERSKY|BOD-17-01");
		assertEquals(List.of(ReviewModelValidator.DECISION_WITHOUT_MATCH), codes(decision));
		decision.setMatch(matchWithVendor());
		assertTrue(codes(decision).isEmpty());
	}

	@Test
	void matchScoreMustBeInUnitRangeAndNameASubject() {
		Match match = F.createMatch();
		match.setScore(1.5);
		assertEquals(List.of(ReviewModelValidator.SCORE_OUT_OF_RANGE, ReviewModelValidator.MATCH_WITHOUT_SUBJECT),
				codes(match));
		assertTrue(codes(matchWithVendor()).isEmpty());
	}

	@Test
	void deadlinesMustFollowIssueDate() {
		RemovalOrder order = F.createRemovalOrder();
		order.setNumber("BOD-17-01-2000-1");
		order.setIssueDate(LocalDate.of(2017, 9, 13));
		OrderDeadline identify = F.createOrderDeadline();
		identify.setName("identify");
		identify.setDate(LocalDate.of(2017, 9, 13));
		order.getDeadlines().add(identify);
		assertEquals(List.of(ReviewModelValidator.DEADLINE_NOT_AFTER_ISSUE), codes(order));
		identify.setDate(LocalDate.of(2017, 10, 13));
		assertTrue(codes(order).isEmpty());
	}

	@Test
	void orderItemMustBelongToOrderDepartment() {
		Department treasury = F.createDepartment();
		Department justice = F.createDepartment();
		ContractAction action = F.createContractAction();
		action.setDepartment(justice);
		RemovalOrder order = F.createRemovalOrder();
		order.setDepartment(treasury);
		OrderItem item = F.createOrderItem();
		item.setAction(action);
		order.getItems().add(item);
		assertEquals(List.of(ReviewModelValidator.ITEM_OF_OTHER_DEPARTMENT), codes(order));
		action.setDepartment(treasury);
		assertTrue(codes(order).isEmpty());
	}

	@Test
	void vendorMustNotBeItsOwnAncestor() {
		Vendor a = F.createVendor();
		Vendor b = F.createVendor();
		a.setParent(b);
		b.setParent(a);
		assertEquals(List.of(ReviewModelValidator.VENDOR_PARENT_CYCLE), codes(a));
	}

	private static Match matchWithVendor() {
		Match match = F.createMatch();
		match.setScore(0.9);
		match.setVendor(F.createVendor());
		return match;
	}
}
