package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds one theme's part of a sentence in its parse tree, for the scorer to judge. A mention takes the smallest
 * constituent around it that says something about it (holds a verb or an adjective besides the mention) and holds
 * no other theme's words: in "The staff were lovely but the refund took six weeks" that is "The staff were lovely"
 * for staff and "the refund took six weeks" for the refund. Without such a constituent it takes the largest one
 * free of other themes.
 */
final class AspectSentiment {

    private final Tree root;
    private final Predicate<Tree> judged;
    private final Map<Tree, int[]> spans = new IdentityHashMap<>();
    private final int leaves;

    /** {@code judged} says which constituents the scorer can judge; the others are passed through. */
    AspectSentiment(Tree root, Predicate<Tree> judged) {
        this.root = root;
        this.judged = judged;
        this.leaves = index(root, 0);
    }

    /** False when the tree's words are not the sentence's tokens (a parser fallback); then use the sentence score. */
    boolean covers(int tokenCount) {
        return leaves == tokenCount;
    }

    /**
     * The constituent that is the part about the mention at tokens {@code [from, to)}; {@code others} marks other
     * themes' tokens, {@code predicates} the verbs and adjectives of the sentence.
     */
    Tree part(int from, int to, BitSet others, BitSet predicates) {
        List<Tree> free = new ArrayList<>();
        Tree smallest = root;
        for (Tree node = root; node != null; node = childCovering(node, from, to)) {
            if (!judged.test(node)) {
                continue;
            }
            smallest = node;
            if (!holdsAny(node, others)) {
                free.add(node);
            }
        }
        Tree chosen = free.isEmpty() ? smallest : free.get(0);
        // What says something about the mention: the sentence's verbs and adjectives other than the mention's own.
        BitSet saying = (BitSet) predicates.clone();
        saying.clear(from, to);
        for (int i = free.size() - 1; i >= 0; i--) {
            if (holdsAny(free.get(i), saying)) {
                chosen = free.get(i);
                break;
            }
        }
        return chosen;
    }

    /** The token positions {@code [from, to)} that {@code node} covers. */
    int[] span(Tree node) {
        return spans.get(node).clone();
    }

    private boolean holdsAny(Tree node, BitSet tokens) {
        int[] span = spans.get(node);
        int next = tokens.nextSetBit(span[0]);
        return next >= 0 && next < span[1];
    }

    private Tree childCovering(Tree node, int from, int to) {
        for (Tree child : node.children()) {
            int[] span = spans.get(child);
            if (!child.isLeaf() && span[0] <= from && to <= span[1]) {
                return child;
            }
        }
        return null;
    }

    /** Records each node's token span; returns where the next sibling starts. */
    private int index(Tree node, int start) {
        if (node.isLeaf()) {
            spans.put(node, new int[] {start, start + 1});
            return start + 1;
        }
        int end = start;
        for (Tree child : node.children()) {
            end = index(child, end);
        }
        spans.put(node, new int[] {start, end});
        return end;
    }
}
