//! Referral patterns and cautions: see `super` for the coordinate conventions.
//!
//! Arm, forearm and hand. Anatomical position (palms forward): the anterior view shows the
//! volar (flexor) forearm and the palm, the posterior view the dorsal (extensor) forearm and
//! the back of the hand; the thumb side is the larger-x edge in both views. Landmarks used:
//! lateral epicondyle ~(131, 300) at the outer edge, medial epicondyle ~(103, 300) at the inner
//! edge, antecubital fossa ~(114, 302) (anterior), wrist y ~400, dorsal thumb web ~(155, 422).

use super::*;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "biceps_brachii",
        sites: &[
            Site { view: View::Anterior, at: (104, 258), label: clinical!("short head, distal mid-belly") },
            Site { view: View::Anterior, at: (113, 262), label: clinical!("long head, distal mid-belly") },
        ],
        zones: &[
            // Front of the shoulder, over the anterior deltoid and the bicipital groove.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(97, 156), (102, 158), (106, 165), (108, 176), (107, 188), (102, 195), (96, 193), (92, 184), (90, 172), (92, 162)] },
            // Antecubital fossa.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(108, 292), (114, 289), (120, 292), (123, 300), (122, 309), (116, 314), (109, 312), (105, 305), (105, 297)] },
            // Along the front of the arm between the two.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(98, 196), (105, 196), (111, 210), (116, 235), (119, 262), (120, 285), (114, 292), (108, 288), (103, 268), (99, 245), (96, 220)] },
            // Occasionally over the suprascapular region.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(56, 142), (64, 140), (74, 143), (80, 148), (78, 156), (70, 159), (60, 157), (54, 151)] },
        ],
        refers_to: clinical!("Front of the shoulder over the anterior deltoid and bicipital groove, and the antecubital fossa; spillover along the front of the arm and occasionally over the suprascapular region."),
    },
    Pattern {
        muscle: "brachialis",
        sites: &[
            Site { view: View::Anterior, at: (121, 282), label: clinical!("distal arm, lateral to the biceps") },
            Site { view: View::Anterior, at: (104, 285), label: clinical!("distal arm, medial to the biceps") },
        ],
        zones: &[
            // Dorsal base of the thumb, over the first carpometacarpal joint.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(145, 404), (150, 402), (154, 406), (158, 412), (160, 419), (157, 426), (151, 428), (146, 423), (143, 414)] },
            // Antecubital fossa.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(110, 294), (116, 291), (121, 296), (122, 304), (117, 310), (110, 309), (106, 302)] },
            // Thenar base.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(146, 404), (152, 403), (156, 410), (160, 417), (158, 424), (152, 424), (147, 417), (144, 409)] },
            // Front of the shoulder.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(98, 158), (104, 160), (107, 168), (107, 180), (102, 186), (96, 182), (93, 172), (94, 163)] },
        ],
        refers_to: clinical!("Dorsal base of the thumb over the first carpometacarpal joint and the dorsal web; antecubital fossa; spillover to the thenar eminence and the front of the shoulder."),
    },
    Pattern {
        muscle: "triceps_brachii",
        sites: &[
            Site { view: View::Posterior, at: (94, 236), label: clinical!("long head, mid-arm") },
            Site { view: View::Posterior, at: (118, 255), label: clinical!("lateral head, lateral mid-arm") },
            Site { view: View::Posterior, at: (110, 288), label: clinical!("medial head, just above the olecranon") },
        ],
        zones: &[
            // Posterior shoulder and down the back of the arm.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(92, 157), (99, 155), (104, 160), (109, 174), (113, 200), (116, 230), (119, 258), (117, 281), (110, 287), (103, 277), (97, 252), (90, 222), (85, 196), (85, 172)] },
            // Lateral epicondyle.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(120, 290), (125, 287), (127, 293), (129, 301), (127, 309), (122, 312), (117, 306), (116, 297)] },
            // Medial epicondyle.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(105, 289), (110, 292), (112, 299), (110, 306), (106, 308), (104, 302), (103, 295)] },
            // Dorsal forearm to the ring and little fingers.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(118, 312), (126, 314), (132, 340), (138, 370), (142, 398), (146, 420), (147, 445), (145, 463), (140, 459), (137, 440), (135, 418), (135, 400), (130, 380), (123, 357), (117, 335), (114, 318)] },
            // Medial epicondyle from the front.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(105, 290), (110, 292), (112, 299), (110, 306), (106, 308), (104, 302), (103, 295)] },
            // Volar ring and little fingers.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(136, 425), (141, 424), (146, 432), (147, 448), (145, 463), (140, 459), (137, 445), (135, 434)] },
        ],
        refers_to: clinical!("Posterior shoulder and down the back of the arm; the lateral epicondyle (medial head, lateral part) and the medial epicondyle; spillover over the dorsal forearm to the ring and little fingers, and to their volar side."),
    },
    Pattern {
        muscle: "brachioradialis",
        sites: &[
            Site { view: View::Anterior, at: (132, 322), label: clinical!("proximal forearm, 1-2 cm below the elbow crease") },
        ],
        zones: &[
            // Lateral epicondyle.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(121, 289), (125, 287), (128, 293), (129, 301), (127, 309), (122, 312), (118, 306), (117, 297)] },
            // Dorsal web of the thumb.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(148, 410), (154, 409), (159, 415), (162, 423), (160, 430), (154, 432), (149, 428), (146, 419)] },
            // Radial side of the dorsal forearm and wrist.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(127, 312), (133, 315), (137, 330), (140, 348), (145, 370), (148, 390), (150, 404), (145, 410), (139, 400), (134, 378), (129, 356), (125, 336), (123, 320)] },
        ],
        refers_to: clinical!("Lateral epicondyle and the dorsal web of the thumb (first interosseous space); spillover along the radial side of the dorsal forearm and wrist."),
    },
    Pattern {
        muscle: "extensor_carpi_radialis_longus",
        sites: &[
            Site { view: View::Posterior, at: (134, 316), label: clinical!("proximal, at the radial head just below the lateral epicondyle") },
        ],
        zones: &[
            // Lateral epicondyle.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(120, 290), (125, 286), (128, 292), (129, 301), (127, 309), (122, 312), (117, 306), (116, 297)] },
            // Radial dorsum of the hand, anatomical snuffbox.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(144, 400), (149, 399), (152, 404), (157, 413), (155, 422), (149, 424), (144, 418), (142, 408)] },
            // Radial dorsal forearm.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(126, 306), (131, 310), (137, 330), (140, 350), (144, 372), (147, 392), (141, 398), (136, 380), (131, 358), (127, 336), (123, 316)] },
        ],
        refers_to: clinical!("Lateral epicondyle and the radial dorsum of the hand near the anatomical snuffbox; spillover along the radial dorsal forearm."),
    },
    Pattern {
        muscle: "extensor_carpi_radialis_brevis",
        sites: &[
            Site { view: View::Posterior, at: (134, 335), label: clinical!("mid-belly, 5-6 cm below the elbow crease") },
        ],
        zones: &[
            // Back of the wrist and the centre of the dorsal hand.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(138, 396), (145, 394), (150, 400), (151, 412), (147, 424), (140, 426), (135, 418), (134, 405)] },
            // Lateral epicondyle.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(121, 292), (126, 290), (128, 297), (128, 305), (124, 310), (119, 306), (118, 298)] },
            // Dorsal forearm.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(127, 314), (133, 318), (139, 342), (143, 368), (146, 390), (136, 394), (131, 372), (126, 348), (123, 328)] },
        ],
        refers_to: clinical!("Back of the wrist and the centre of the dorsal hand; spillover to the lateral epicondyle and down the dorsal forearm."),
    },
    Pattern {
        muscle: "extensor_digitorum",
        sites: &[
            Site { view: View::Posterior, at: (129, 335), label: clinical!("3-4 cm below the radial head (middle-finger part)") },
        ],
        zones: &[
            // Back of the hand into the middle and ring fingers.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(140, 402), (147, 401), (151, 410), (153, 430), (153, 452), (151, 466), (146, 468), (142, 456), (140, 436), (137, 418), (137, 407)] },
            // Dorsal forearm.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(124, 316), (131, 318), (137, 342), (141, 370), (143, 395), (135, 398), (130, 375), (125, 350), (121, 330)] },
            // Lateral epicondyle.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(120, 291), (125, 289), (128, 296), (128, 304), (124, 310), (119, 307), (117, 299)] },
        ],
        refers_to: clinical!("Back of the hand and into the middle (or ring) finger; spillover down the dorsal forearm and to the lateral epicondyle."),
    },
    Pattern {
        muscle: "extensor_carpi_ulnaris",
        sites: &[
            Site { view: View::Posterior, at: (125, 345), label: clinical!("ulnar border, 7-8 cm below the lateral epicondyle") },
        ],
        zones: &[
            // Ulnar side of the dorsal wrist.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(131, 385), (137, 384), (142, 391), (144, 401), (141, 411), (136, 414), (134, 407), (133, 397)] },
            // Ulnar dorsal forearm and the ulnar edge of the back of the hand.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(122, 349), (127, 347), (132, 366), (137, 384), (142, 393), (144, 405), (142, 420), (137, 424), (134, 414), (134, 400), (131, 386), (126, 370), (122, 358)] },
        ],
        refers_to: clinical!("Ulnar side of the dorsal wrist; spillover along the ulnar dorsal forearm and onto the ulnar edge of the back of the hand."),
    },
    Pattern {
        muscle: "supinator",
        sites: &[
            Site { view: View::Posterior, at: (128, 320), label: clinical!("deep, just below the lateral epicondyle over the radial neck") },
        ],
        zones: &[
            // Lateral epicondyle and lateral elbow.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(120, 289), (125, 286), (128, 292), (129, 301), (127, 310), (122, 313), (117, 307), (116, 297)] },
            // Dorsal web of the thumb.
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(148, 411), (154, 409), (159, 415), (162, 423), (159, 430), (153, 432), (148, 427), (146, 418)] },
            // Proximal dorsolateral forearm.
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(124, 312), (130, 314), (135, 328), (136, 340), (131, 344), (126, 332), (122, 320)] },
        ],
        refers_to: clinical!("Lateral epicondyle and lateral elbow, and the dorsal web of the thumb; spillover over the proximal dorsolateral forearm."),
    },
    Pattern {
        muscle: "flexor_carpi_radialis",
        sites: &[
            Site { view: View::Anterior, at: (125, 338), label: clinical!("upper volar forearm, mid-belly") },
        ],
        zones: &[
            // Radial side of the volar wrist crease.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(132, 390), (139, 388), (145, 392), (147, 400), (145, 408), (139, 411), (134, 407), (133, 399)] },
            // Distal volar forearm and the radial palm.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(130, 365), (137, 363), (143, 376), (149, 395), (153, 410), (152, 424), (146, 428), (140, 420), (136, 405), (132, 388), (128, 375)] },
        ],
        refers_to: clinical!("Radial side of the volar wrist crease; spillover up the distal volar forearm and into the radial palm toward the thumb base."),
    },
    Pattern {
        muscle: "flexor_carpi_ulnaris",
        sites: &[
            Site { view: View::Anterior, at: (116, 338), label: clinical!("ulnar border of the upper volar forearm") },
        ],
        zones: &[
            // Ulnar side of the volar wrist over the pisiform.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(131, 385), (137, 386), (143, 394), (143, 404), (138, 411), (134, 410), (133, 400), (131, 392)] },
            // Hypothenar palm and distal ulnar forearm.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(123, 358), (128, 360), (134, 378), (142, 392), (145, 410), (143, 428), (137, 432), (134, 420), (134, 405), (131, 390), (127, 374)] },
        ],
        refers_to: clinical!("Ulnar side of the volar wrist over the pisiform; spillover into the hypothenar palm and the distal ulnar forearm."),
    },
    Pattern {
        muscle: "flexor_digitorum_superficialis",
        sites: &[
            Site { view: View::Anterior, at: (124, 337), label: clinical!("mid-volar forearm, humero-ulnar head") },
            Site { view: View::Anterior, at: (131, 360), label: clinical!("mid-volar forearm, radial head") },
        ],
        zones: &[
            // Volar middle and ring fingers.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(141, 436), (147, 434), (153, 440), (154, 455), (152, 467), (146, 469), (141, 460), (139, 446)] },
            // Palm and volar wrist.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(134, 398), (141, 395), (149, 401), (154, 412), (155, 428), (152, 440), (141, 440), (135, 430), (134, 415)] },
        ],
        refers_to: clinical!("Through the volar side of the finger each part serves, usually the middle or ring finger; spillover into the palm and the volar wrist."),
    },
    Pattern {
        muscle: "pronator_teres",
        sites: &[
            Site { view: View::Anterior, at: (117, 316), label: clinical!("just below the medial epicondyle, medial border of the cubital fossa") },
        ],
        zones: &[
            // Deep in the radial volar wrist and the thumb base.
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(140, 391), (146, 390), (149, 396), (153, 405), (157, 416), (153, 422), (147, 418), (142, 410), (139, 400)] },
            // Radial volar forearm.
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(127, 334), (134, 336), (140, 355), (144, 375), (147, 392), (137, 394), (132, 376), (127, 358), (123, 345)] },
        ],
        refers_to: clinical!("Deep in the radial side of the volar wrist and the thumb base; spillover along the radial volar forearm."),
    },
];

#[rustfmt::skip]
pub const CAUTIONS: &[Caution] = &[
    Caution { muscle: "pronator_teres", kind: CautionKind::NerveVessel,
              reason: clinical!("The median nerve runs between the two heads of pronator teres, and the brachial artery lies in the cubital fossa just medial to the biceps tendon."),
              guidance: clinical!("Feel for the biceps tendon and the brachial pulse first and stay below and medial of them. Pinch the belly 2-3 finger-widths below the medial epicondyle, needle superficially into the humeral head only and angle the needle medially toward the ulna, away from the nerve; do not needle deep in the cubital fossa. Withdraw at once if sharp, electric or tingling pain shoots into the hand.") },
];
