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
 * a component of a new department is put in it at once, one of a department the review holds is listed as a pair for
 * the command that adds it (offices alike).
 */
public final class OrganisationIndex {

    private static final Pattern ABBREVIATION = Pattern.compile("\\([A-Z]{2,8}\\)");
    private static final Pattern INVERTED = Pattern.compile("^(.+?) (DEPARTMENT OF(?: THE)?)$");
    /** The departments the agency code tables know, found by current or legacy code or by name. */
    private static final TopTierAgencies AGENCIES = new TopTierAgencies(name -> departmentKey(null, name));

    private final Map<String, Department> departments = new HashMap<>();
    private final Map<Department, Map<String, Component>> components = new HashMap<>();
    private final Map<Component, Map<String, Office>> offices = new HashMap<>();
    /** The review's departments and components: what is added under them needs a command. */
    private final Set<Object> inReview = new HashSet<>();
    private List<Department> addedDepartments = new ArrayList<>();
    private List<Object[]> addedComponents = new ArrayList<>();
    private List<Object[]> addedOffices = new ArrayList<>();

    /** @param departments the review's departments */
    public OrganisationIndex(List<Department> departments) {
        for (Department department : departments) {
            this.departments.putIfAbsent(canonicalDepartmentKey(department.getCode(), department.getName()),
                    department);
            inReview.add(department);
            for (Component component : department.getComponents()) {
                components.computeIfAbsent(department, d -> new HashMap<>())
                        .putIfAbsent(key(component.getCode(), component.getName()), component);
                inReview.add(component);
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
    }

    /** @return the departments made since {@link #startFile()} */
    public List<Department> addedDepartments() {
        return addedDepartments;
    }

    /** @return the components made since {@link #startFile()} in departments of the review, as (department, it) */
    public List<Object[]> addedComponents() {
        return addedComponents;
    }

    /** @return the offices made since {@link #startFile()} in components of the review, as (component, it) */
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
        return components.computeIfAbsent(department, d -> new HashMap<>()).computeIfAbsent(key(code, name), k -> {
            Component component = ReviewFactory.eINSTANCE.createComponent();
            component.setCode(code);
            component.setName(name != null ? name : code);
            if (inReview.contains(department)) {
                addedComponents.add(new Object[] { department, component });
            } else {
                department.getComponents().add(component);
            }
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
        return offices.computeIfAbsent(component, c -> new HashMap<>()).computeIfAbsent(key(code, name), k -> {
            Office office = ReviewFactory.eINSTANCE.createOffice();
            office.setCode(code);
            office.setName(name != null ? name : code);
            if (inReview.contains(component)) {
                addedOffices.add(new Object[] { component, office });
            } else {
                component.getOffices().add(office);
            }
            return office;
        });
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
