package io.teaflow.maven;

import java.util.List;

/** What is wrong with the component libraries of a bundle: one line per problem, each naming the class. */
final class LibraryProblems extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    LibraryProblems(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
