"""Cues that say the paper uses a method (or data): the USES rules' tables.

For Method mentions of the paper's own sentences
(:func:`extractors.paper_relations.paper_relations`): a use cue before it
("we use", "based on", "fine-tune") or "-based" after it; the present
passive "X is used / employed"; a method the paper studies, improves or
extends; examples of the paper's own tools ("strategies such as data
augmentation"); the family its own model belongs to ("a graph convolutional
network for ..."). Without such a cue a method in an own sentence is no
relation: an own sentence also names the baselines it beats. One module
because each of these tables answers the same question, does the paper
work with this method; each cue's counts on real abstracts are in its comment.
"""
from __future__ import annotations

import re

from .regex_gate import gate_names

_USE_BEFORE = re.compile(
    r"\b(?:use[sd]?|using|adopt\w*|employ\w*|train\w*|utili[sz]\w*|exploit\w*|rel(?:y|ies|ied) on|leverag\w*|"
    r"build\w* (?:up)?on|built (?:up)?on|based on|apply\w*|"
    r"appl(?:y|ies|ied)|fine-?tun\w*|with|via|through|incorporat\w*|integrat\w*|extend\w*|combin\w*|"
    r"initiali[sz]\w*|on top of|backbone|equip\w*|augment\w*)\b[^;:]{0,40}$")

#: A method or dataset the sentence says is used, in the present passive,
#: as its subject: "Particle Swarm Optimization (PSO), Surrogate
#: Optimization (SO), and Generalized Pattern Search (GPS) are individually
#: used in this regard", "A CNN is employed to extract ...". Abstracts state
#: the paper's own set-up so without "we"; background is kept out by the
#: sentence's background cues ("is widely used", "has been used"), checked
#: as for any sentence, and by the verb's own reach ("are also used for
#: analysing corpora", "are used in state-of-the-art models"). On 2,996 real
#: abstracts (every 50th conference and 19th ACL record, the audit's left
#: out) the cue added 29 USES; of the 29 read, 24 right; the 2 background
#: ones are what the exclusions above now leave out, the others are the
#: paper's own named modules (USES, where PROPOSES is meant) and one
#: subject that is not the mention ("a perspective for the classification
#: is adopted"). In the past tense too ("In our approach, Convolutional Neural Network (CNN) and Long Short
#: Term Memory (LSTM) were utilized"): on 2,988 other real abstracts (draw_sample(3000, 20261207), standard) it
#: added 2 USES, both right.
_PASSIVE_USE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?!(?:widely|commonly|frequently|often|typically|usually|generally|"
                          r"traditionally|increasingly)\b)\w+ly\s+|then\s+|first\s+|further\s+)?"
                          r"(?:used|employed|adopted|utili[sz]ed|applied|leveraged|exploited|deployed)\b"
                          r"(?!\s+(?:by|in (?:many|various|several|numerous|most|state-of-the-art|a (?:wide|variety)))\b)")
#: Tried and not kept (3,000 real abstracts, draw_sample(3000, 80712401), standard, all changes read): a
#: method after "with/using/via/through" in any present-passive sentence ("Vertical surfaces are further
#: classified ... with a Random Forest classifier") as USES: 38 added, 28 right (74%; wrong: background
#: "usually trained using MLE", the paper's own modules, hardware and data typed Method); a task before
#: "software/community/literature/researchers/projects" not addressed: 7 removed, 4 right to remove.
#: Between such a subject and its verb: other names of a list, brackets, a
#: head noun ("LSTM networks are used").
_SUBJECT_TO_VERB = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s+(?:network|model|layer|encoder|decoder|classifier|algorithm|method|architecture|"
    r"module|dataset|corpus|data|embedding|feature|loss|framework)s?)?"
    r"(?:\s*,?\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?(?:\s*\([^)]{1,30}\))?)*"
    r"\s*,?\s*")
#: A method the paper itself studies: "we explore the model-agnostic
#: meta-learning algorithm (MAML) and its variants", "we study unfolded
#: ISTA": the paper works with it (USES). On 2,996 real abstracts
#: (standard tier) 21 firings, 16 read right; the wrong ones: two nodes the
#: linker named as another method ("efficient neural architecture search
#: methods" as ENAS), two that are no method ("OIE triples", "the
#: discursive phenomenon called other-repetitions"), one a studied concept
#: ("maximum entropy correlated equilibria"). (3 of the 21 were after
#: "we evaluate", which is no longer a cue here.)
_STUDY_BEFORE = re.compile(
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+|also\s+|further\s+|first\s+|then\s+)?"
    r"(?:explore|explores|study|studies|investigate|investigates|analy[sz]e|analy[sz]es|examine|examines|revisit|"
    r"revisits)\s+(?:the\s+|an?\s+|two\s+|three\s+|several\s+)?"
    r"(?:(?!(?:for|to|on|in|of|from|with|that|which|and|or|than|over)\b)[\w-]+\s+){0,4}"
    r"(?:(?:,\s*|and\s+)(?:the\s+|an?\s+)?(?:(?!(?:for|to|on|in|of|from|with|that|which|or|than|over)\b)[\w-]+\s+){0,4})?$")

#: A method named as an example of the paper's own tools: "different training strategies such as
#: pseudo-labelling and data augmentation", "with recent techniques such as contextualized word
#: representations", "We pretrain several dialogue generation models ..., including Transformer, GPT": the
#: list's head is a kind of method and its clause is first person or the paper's experiments
#: (:data:`_OWN_BEFORE_LIST`, so :func:`_background` let the list through), so the examples are what the paper
#: uses (audit GUIDE: "such as X" gives none only for background examples). On 6,000 real abstracts
#: (draw_sample(3000, 26120738) and (3000, 26120739), standard) 32 firings, all read, 32 right (ensemble members,
#: SR architectures experimented with, regularisers, "RNNs such as GRUs and LSTMs" the paper compresses; one a
#: dataset the tagger typed Method, "benchmark datasets including ... Rest15", USES rather than EVALUATES_ON).
_OWN_TOOL_LIST = re.compile(
    r"\b(?:methods?|models?|techniques?|strateg(?:y|ies)|approach(?:es)?|algorithms?|architectures?|features?|"
    r"classifiers?|networks?|baselines?|tools?|toolkits?|embeddings?|encoders?|optimi[sz]ers?|learners?|systems?)"
    r"\b[^;:]{0,40}?(?:such as|including|e\.g\.,?)\s+(?:[^;:]{0,80}?(?:,|\band\b|\bor\b)\s+)?$")

#: A subtitle that describes the paper's own thing, named before the colon, by its family: "T-Net: A
#: Resource-Constrained Tiny Convolutional Neural Network", "DialogueGCN: A Graph Convolutional Neural Network
#: for Emotion Recognition": the paper uses the family (audit GUIDE, part E: "M2T2 is a transformer model"
#: gives USES transformer). Only modifiers between the article and the method, and the method ends the
#: description (a head noun, a preposition or the title's end: not "A 7DOF upper-limb exoskeleton robot").
#: On 6,000 real abstracts (draw_sample(3000, 26120738) and (3000, 26120739), standard) 12 firings, all read,
#: 12 right (Wasserstein GAN, RNN, Transformer, self-training, transfer learning, knowledge distillation ...);
#: without the colon and the end check 33, of which 10 wrong (the title's own thing, "A B-P ANN Commodity
#: Trader"; hardware and generic heads, "A cyber-physical system for ...").
_SUBTITLE_FAMILY = re.compile(r"^\s*(?:an?)\s+(?:(?!(?:of|on|for|to|in|with|from|by|and|or|versus|vs)\b)[\w-]+\s+){0,4}$")
_SUBTITLE_HEAD_AFTER = re.compile(
    r"\s*(?:(?:models?|approach|framework|architecture|network|method|toolkit|solution|system|algorithm)\s*)?"
    r"(?:$|[:(]|(?:for|with|of|to|that|in|based|via|using|on)\b)")

#: "a Transformer-based network": the paper builds on the method; also with the method's short form between,
#: "a deep deterministic policy gradient (DDPG)-based control system". With the short form, only a hyphen
#: joins "based": "(DKG) based pathway", "(NN) based data2text models" and "(MELNet) based on BLS" (2,988 real
#: abstracts, draw_sample(3000, 20261207): 6 firings, 2 right) were the paper's own thing, background or not
#: methods; hyphenated, 2 of 2 right ("(DDPG)-based control system", "(FPGA)-based ... platform").
_BASED_AFTER = re.compile(r"\s*(?:-?\s*|\([^()]{1,20}\)-)based\b")
#: A method the paper's own sentence improves, extends or generalises: "we improve the MAPO baseline with simple
#: but important modifications", "an attention scheme to improve the robustness of NCEL", "Improving Stochastic
#: Gradient Descent with Feedback", "MAML-enhanced prototypical networks", "generalize the alternating direction
#: method of multipliers (ADMM) to Bregman ADMM": the paper works on it, so it uses it (audit GUIDE: a
#: baseline the paper runs, or what it builds on, is USES). Only where no use cue gave USES already. On 2,986 real
#: abstracts (bench/same_output.py's draw_sample(3000, 39120701) less the audit and fresh ids, standard tier) it
#: added 29 USES, all read, 22 right; the guards below were then written from the 7 wrong (tasks and qualifiers
#: typed Method: "heart rate estimation", "the rPPG feature", "the ToM capability"), leaving 22 of 25. Then fresh,
#: on 2,880 others (draw_sample(3000, 39120702)): 26 firings, all read, 25 right (wrong: "an improved UAV flight
#: controller", hardware). Audit A-J standard: 7 more USES, all gold.
_IMPROVES_BEFORE = re.compile(
    r"\b(?:improv(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|fortif(?:y|ies|ied|ying)|"
    r"extend(?:s|ed|ing)?|(?:an\s+)?extension\s+of|generali[sz](?:e|es|ed|ing))\s+"
    r"(?:(?:the|an?|our|existing|standard|vanilla|strong|popular|state-of-the-art)\s+)?"
    r"(?:(?:performance|accuracy|robustness|efficiency|capabilit(?:y|ies)|ability|speed|quality)\s+of\s+(?:the\s+|an?\s+)?)?"
    r"(?:(?!(?:of|for|to|on|in|with|by|from|and|or|that|which|over|than)\b)[\w-]+\s+){0,2}$")
#: ... not a task the tagger typed Method ("Improving the remote heart rate estimation"), nor a name that only
#: qualifies the noun improved ("enhance the rPPG feature representation", "improving the ToM capability of").
_MODIFIER_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:capabilit|abilit|features?\b|representations?\b|ranking|"
                             r"performance|quality|accuracy|scores?\b|skills?\b)")

#: A method named as the family of the paper's own model: "we propose a new multi domain image-to-image
#: generative adversarial network architecture", "the proposed simulated annealing approach", "M2T2 is a
#: transformer model" (audit GUIDE, part E: a method described by its family USES the family). A short form
#: in brackets after the name marks the proposal itself ("a dual graph convolutional networks (DualGCN)
#: model", 8 of 12 wrong) and "our X model" names it too ("our SumPhrase model", 4 of 7 wrong): neither
#: fires. On 6,000 real abstracts (bench/same_output.py's draw_sample(3000, 70712607) and (3000, 70712608),
#: standard tier; a few abstracts are in both) 59 firings, 57 distinct, 54 of them read right (wrong: "a
#: time-aware KG embedding model", "a novel center of mass estimation method", "three key EFG techniques").
_FAMILY_HEAD_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:models?|architectures?|networks?|algorithms?|approach(?:es)?|methods?|"
    r"frameworks?|modules?|variants?|agents?|layers?|encoders?|decoders?|classifiers?|solvers?|estimators?|"
    r"mechanisms?|techniques?)\b")
_FAMILY_BEFORE = re.compile(
    r"(?:\b(?:propos(?:e|es|ed|ing)|present(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|design(?:s|ed|ing)?|develop(?:s|ed|ing)?|"
    r"devis(?:e|es|ed|ing)|build(?:s|ing)?|built|construct(?:s|ed|ing)?)\s+(?:an?|the|two|three|our|a\s+new|a\s+novel)\s+"
    r"|\bthe\s+proposed\s+|\b(?:is|are)\s+an?\s+)(?:(?!(?:for|to|on|in|of|from|with|that|which|and|or|by)\b)"
    r"[\w-]+\s+){0,4}$")


#: A method the paper's own sentence evaluates, assesses, probes or analyses, or the object of its study: "we
#: evaluate LSTM, biLSTM, GRU, and Transformer architectures for the task of name transliteration", "We assess the
#: ability of modern neural language models", "We focus on one such model, BERT", "We consider causal Bayesian
#: networks", "We present an analysis into the inner workings of Convolutional Neural Networks", "We then explore two
#: supervised learning approaches (CNNs and GBDTs)": the paper runs what it analyses (audit GUIDE: a baseline the
#: paper runs is USES). Methods only: evaluating on a dataset is EVALUATES_ON (:mod:`extractors.paper_data_cues`).
#: Not after "this/our/the complete/proposed ..." (the paper's own model: "We evaluate this Boolean Distributional
#: Semantic Model", "a first evaluation of the complete DISCO system"). On 2,988 real abstracts
#: (draw_sample(3000, 20261207), standard) 20 firings, all read, 16 right; the guard above then removed 2 of the 4
#: wrong (the others: "analysis of complex predicates", no method; "This paper focuses on Seq2Seq (S2S)
#: constrained text generation", arguable).
_ASSESS_BEFORE = re.compile(
    r"\b(?:(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+|also\s+|further\s+|first\s+|then\s+)?"
    r"(?:evaluate|evaluates|assess|assesses|probe|probes|focus(?:es)? on|consider|considers|dissect|dissects|"
    r"characteri[sz]e|characteri[sz]es|explore|explores|study|studies|investigate|investigates|analy[sz]e|analy[sz]es|"
    r"examine|examines|revisit|revisits)\s+"
    r"|(?:study|analysis|analyses|investigation|examination|evaluation|comparison)\s+(?:of|into|on)\s+)"
    r"(?:the\s+|an?\s+|two\s+|three\s+|four\s+|five\s+|several\s+|various\s+|different\s+|multiple\s+|one such \w+,\s+)?"
    r"(?:(?:\w+\s+)?(?:ability|abilities|capacity|performance|behaviou?r|effectiveness|robustness|inner workings|"
    r"geometry|mechanics)\s+of\s+(?:the\s+|an?\s+)?)?"
    r"(?:(?!(?:for|to|on|in|of|from|with|that|which|and|or|than|over|by|against|using|via|across|under|at|as|this|"
    r"these|our|its|their|complete|whole|entire|proposed|new|novel)\b)[\w-]+\s+){0,4}"
    r"(?:\(\s*)?$")
#: ... and the clause says it of the paper's own work (a first-person word or "this paper").
_ASSESS_OWN = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b")

#: A title that analyses a method: "Understanding Convolutional Neural Networks for Text Classification",
#: "Understanding the Mechanics of SPIGOT", "Taming Pre-trained Language Models with N-gram Representations",
#: "Revisiting ...", "On the Convergence of Adam": the paper works with the method (USES). On 2,988 real
#: abstracts (draw_sample(3000, 20261207), standard) 4 firings, all right ("Revisiting the Hierarchical Multiscale
#: LSTM", "Analysing Coreference in Transformer Outputs", "Evaluating language models for ...", "On the
#: Transferability of Minimal Prediction Preserving Inputs").
_TITLE_ANALYSIS = re.compile(
    r"^\s*(?:towards?\s+)?(?:understanding|analy[sz]ing|interpreting|probing|explaining|revisiting|rethinking|taming|"
    r"demystifying|dissecting|evaluating|benchmarking|characteri[sz]ing|investigating|examining|on)\s+"
    r"(?:(?!(?:for|to|via|with|using|and|or|by)\b)[\w'’-]+\s+){0,5}$")


#: A method a sentence after the paper's first own sentence says is used, where the sentence itself has no
#: first person: abstracts go on describing the paper's system in the passive or by its parts ("The trajectories
#: discrepancy score is obtained by using Dynamic Time Warping (DTW)", "Predictions are done using multi-class
#: logistic regression", "The training process of each agent is carried out using Reinforcement Learning"): the
#: own zone goes on until a background cue (Teufel et al., "Argumentative Zoning", 1999: OWN zones run over
#: sentences that do not restate the self-reference). Only a strong use cue, no comma between it and the method
#: ("with" and "through" are no cue here: a past try of a method after with/using/via/through in any present
#: passive sentence read 28 of 38 right, mostly for "with"). On 2,985 real abstracts (draw_sample(3000,
#: 20261207), standard, a prototype of this rule) 84 firings, 45 read at random, 39 right; wrong: two about others'
#: work ("Current approaches ... are mainly based on", "These methods adopt a context encoder", which
#: :data:`_OTHERS_SUBJECT` now leaves out), three no method (cells, an infrared signature, a centre of mass),
#: one data. The rule as built, same abstracts: 81 firings, 40 read at random, 37 right (wrong: "available via
#: ELRA/ELDA", the centre of mass, "The multi-task paradigm can also be leveraged to inject grammatical knowledge
#: into language models", a general remark).
_ZONE_USE_BEFORE = re.compile(
    r"\b(?:using|via|by means of|based on|employ\w*|utili[sz]\w*|leverag\w*|adopt\w*|"
    r"(?:is|are|was|were) (?:then |first |further |also )?(?:trained|learned|learnt|optimi[sz]ed|solved|performed|"
    r"carried out|computed|estimated|extracted|implemented|fed|integrated|introduced|incorporated)\b[^;:]{0,40}?"
    r"\b(?:using|via|with|by|into|through))\b[^;:,]{0,40}$")
#: A sentence about others' work by its subject: "Current approaches ...", "These methods ...", "Most existing
#: systems ...".
_OTHERS_SUBJECT = re.compile(
    r"^\s*(?:however,\s*|moreover,\s*|but\s+)?(?:current|these|those|such|many|most|some|other|recent|"
    r"state-of-the-art|existing|classical|standard|previous|prior|several|earlier)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:approaches|methods|works|studies|techniques|systems|models|algorithms|solutions|frameworks|researchers|"
    r"authors|papers)\b")


#: A method the paper's experiments are run on or with: "Experiments with ResNet18 show that architectures augmented
#: with ANC outperform their vanilla counterparts", "Extensive experiments on two Seq2Seq PLMs, BART and T5": the
#: paper runs it (audit GUIDE: a model the paper runs is USES). Datasets after the same words are evaluated on
#: (:mod:`extractors.paper_data_cues`); this cue is for Method mentions only. On 2,988 real abstracts
#: (draw_sample(3000, 42120816)) the words "experiment(s|al results) ... on/with/using" occur 385 times; of 80 read
#: at random, 5 name a method there ("Experiments with ResNet18", "using the Universal Transformer architecture",
#: "experimented on two model architectures"), each one the paper runs; the rest name data, tasks or set-ups.
_EXPERIMENT_ON_BEFORE = re.compile(
    r"\b(?:experiment(?:s|ed|ing)?|experimental\s+(?:results?|evaluations?|studies|study))\s+"
    r"(?:(?:are|were|is|was|have\s+been|has\s+been|conducted|performed|carried\s+out|run)\s+){0,2}"
    r"(?:on|with|using)\s+(?:the\s+|\w+\s+){0,3}(?:[^.;]{0,40}(?:,|\band)\s+)?$")
#: ... not where the words between name data ("Experiments on two well-known datasets, MATRES and TB-Dense": datasets
#: the tagger typed Method, which are evaluated on) and not a machine ("experimental results on a real 7 DoF
#: manipulator"): on the 2,988 abstracts above the cue first fired 5 times, 1 right (AraELECTRA), 3 datasets, 1 robot.
_EXPERIMENT_NOT_METHOD = re.compile(r"\b(?:datasets?|data|benchmarks?|corpus|corpora|treebanks?|tasks?|settings?|"
                                    r"robots?|manipulators?|platforms?|hardware|devices?)\b")

# The passive-use cue is searched in every sentence that names something and holds in 1 of 100:
# tried only where one of its verbs occurs (extractors/regex_gate.py; the same matches).
gate_names(globals(), "_PASSIVE_USE")
