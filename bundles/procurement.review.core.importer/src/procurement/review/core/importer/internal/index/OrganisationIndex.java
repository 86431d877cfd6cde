package procurement.review.core.importer.internal.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procurement.review.core.importer.internal.TopTierAgencies;
import procurement.review.model.Component;
import procurement.review.model.Department;
import procurement.review.model.Office;
import procurement.review.model.ReviewFactory;

/**
 * The departments of a review with their components and offices, and those the files read into it add: a
 * department by its top-tier agency or its canonical name ({@link #canonicalDepartmentKey}), a component within its
 * department and an office within its component by code, else by normalised name. What a file adds is made detached;
 * a component of a department the same file made is put in it at once, one of a department it did not make (the
 * review's, or one a file read before made) is listed as a pair for the file's command (offices alike), so that
 * reading a file changes only what it made. A file whose reading fails is forgotten ({@link #forgetFile()}).
 */
public final class OrganisationIndex {

	private static final Pattern ABBREVIATION = Pattern.compile("\\([A-Z]{2,8}\\)");
	private static final Pattern INVERTED = Pattern.compile("^(.+?) (DEPARTMENT OF(?: THE)?)$");
	/** The departments the agency code tables know, found by current or legacy code or by name. */
	private static final TopTierAgencies AGENCIES = new TopTierAgencies(name -> departmentKey(null, name));

	private final Map<String, Department> departments = new HashMap<>();
	private final Map<Department, Map<String, Component>> components = new HashMap<>();
	private final Map<Component, Map<String, Office>> offices = new HashMap<>();
	/** The departments and components this file made: what it adds under any other needs its command. */
	private Set<Object> made = new HashSet<>();
	/** What this file made, each with the map and key it is found by, to forget it when the reading fails. */
	private List<Found> found = new ArrayList<>();
	private List<Department> addedDepartments = new ArrayList<>();
	private List<Object[]> addedComponents = new ArrayList<>();
	private List<Object[]> addedOffices = new ArrayList<>();

	/** @param departments the review's departments */
	public OrganisationIndex(List<Department> departments) {
		for (Department department : departments) {
			this.departments.putIfAbsent(canonicalDepartmentKey(department.getCode(), department.getName()),
					department);
			for (Component component : department.getComponents()) {
				components.computeIfAbsent(department, d -> new HashMap<>())
						.putIfAbsent(key(component.getCode(), component.getName()), component);
				for (Office office : component.getOffices()) {
					offices.computeIfAbsent(component, c -> new HashMap<>())
							.putIfAbsent(key(office.getCode(), office.getName()), office);
				}
			}
		}
	}

	/** Starts the lists of what the next file adds; the last file's lists stay as they were. */
	public void startFile() {
		addedDepartments = new ArrayList<>();
		addedComponents = new ArrayList<>();
		addedOffices = new ArrayList<>();
		made = new HashSet<>();
		found = new ArrayList<>();
	}

	/**
	 * Forgets what the file read since {@link #startFile()} made, after its reading failed: the next file finds the
	 * departments, components and offices as they were before it.
	 */
	public void forgetFile() {
		for (Found unit : found) {
			unit.in().remove(unit.key());
			components.remove(unit.unit());
			offices.remove(unit.unit());
		}
		startFile();
	}

	/** @return the departments made since {@link #startFile()} */
	public List<Department> addedDepartments() {
		return addedDepartments;
	}

	/**
	 * @return the components made since {@link #startFile()} in departments it did not make (the review's or an
	 *         earlier file's), as (department, it)
	 */
	public List<Object[]> addedComponents() {
		return addedComponents;
	}

	/**
	 * @return the offices made since {@link #startFile()} in components it did not make (the review's or an earlier
	 *         file's), as (component, it)
	 */
	public List<Object[]> addedOffices() {
		return addedOffices;
	}

	/**
	 * The department of a code and a name, made when new: with its agency's current code and name when the agency
	 * tables know it.
	 *
	 * @param code the code as read, or null
	 * @param name the name as read, or null; not both null
	 * @return the department
	 */
	public Department department(String code, String name) {
		TopTierAgencies.Agency agency = AGENCIES.find(code, name);
		return departments.computeIfAbsent(departmentKey(agency, code, name), k -> {
			Department department = ReviewFactory.eINSTANCE.createDepartment();
			department.setCode(agency != null ? agency.code() : code);
			department.setName(agency != null ? agency.name() : name != null ? name : code);
			addedDepartments.add(department);
			made(departments, k, department);
			return department;
		});
	}

	/**
	 * The component of a department, made when new.
	 *
	 * @param department its department
	 * @param code       the code as read, or null
	 * @param name       the name as read, or null; not both null
	 * @return the component
	 */
	public Component component(Department department, String code, String name) {
		Map<String, Component> ofDepartment = components.computeIfAbsent(department, d -> new HashMap<>());
		return ofDepartment.computeIfAbsent(key(code, name), k -> {
			Component component = ReviewFactory.eINSTANCE.createComponent();
			component.setCode(code);
			component.setName(name != null ? name : code);
			if (made.contains(department)) {
				department.getComponents().add(component);
			} else {
				addedComponents.add(new Object[] { department, component });
			}
			made(ofDepartment, k, component);
			return component;
		});
	}

	/**
	 * The office of a component, made when new.
	 *
	 * @param component its component
	 * @param code      the code as read, or null
	 * @param name      the name as read, or null; not both null
	 * @return the office
	 */
	public Office office(Component component, String code, String name) {
		Map<String, Office> ofComponent = offices.computeIfAbsent(component, c -> new HashMap<>());
		return ofComponent.computeIfAbsent(key(code, name), k -> {
			Office office = ReviewFactory.eINSTANCE.createOffice();
			office.setCode(code);
			office.setName(name != null ? name : code);
			if (made.contains(component)) {
				component.getOffices().add(office);
			} else {
				addedOffices.add(new Object[] { component, office });
			}
			made(ofComponent, k, office);
			return office;
		});
	}

	private void made(Map<String, ?> in, String key, Object unit) {
		made.add(unit);
		found.add(new Found(in, key, unit));
	}

	/** A unit this file made, found in a map under a key. */
	private record Found(Map<String, ?> in, String key, Object unit) {
	}

	/**
	 * The key that makes one department of the rows of every column generation: a top-tier agency's current code
	 * when the tables know it (by code or name), else {@link #departmentKey(String, String)}.
	 *
	 * @param code a department code, or null
	 * @param name a department name, or null
	 * @return the key
	 */
	public static String canonicalDepartmentKey(String code, String name) {
		return departmentKey(AGENCIES.find(code, name), code, name);
	}

	private static String departmentKey(TopTierAgencies.Agency agency, String code, String name) {
		return agency != null ? "agency:" + agency.code() : departmentKey(code, name);
	}

	/**
	 * Departments are keyed by name: each file generation codes them differently (legacy "2000", FPDS "2000",
	 * current downloads the CGAC "020") but names the same department, in upper or mixed case, with or without its
	 * abbreviation, and sometimes inverted ("TREASURY, DEPARTMENT OF THE").
	 *
	 * @param code a department code, used when there is no name
	 * @param name a department name, or null
	 * @return the key
	 */
	public static String departmentKey(String code, String name) {
		if (name == null) {
			return "code:" + code;
		}
		String canonical = VendorIndex.normalizeName(ABBREVIATION.matcher(name).replaceAll(" "));
		Matcher inverted = INVERTED.matcher(canonical);
		if (inverted.matches()) {
			canonical = inverted.group(2) + " " + inverted.group(1);
		}
		return "name:" + canonical.replace("DEPARTMENT OF THE ", "DEPARTMENT OF ");
	}

	private static String key(String code, String name) {
		return code != null ? "code:" + code : "name:" + VendorIndex.normalizeName(name);
	}
}
