//! Referral patterns and cautions: see `super` for the coordinate conventions.
//!
//! Thigh, leg and foot. Landmarks used here (one side): patella (27-43, 588-614); popliteal
//! fossa ~(35, 595) behind; tibial crest x ~33 -> 28; calf x 9-61; malleoli y ~745-765
//! (medial ~(21, 755), lateral ~(42, 757), the lateral one on the edge of the outline); heel
//! ~(34, 790) in the posterior view; dorsum of the foot in the anterior view y 765-800.

use super::*;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    // ------------------------------------------------------------------ quadriceps, sartorius
    Pattern {
        muscle: "rectus_femoris",
        sites: &[Site { view: View::Anterior, at: (66, 405), label: clinical!("high in the muscle, just below the hip (AIIS)") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(32, 528), (45, 526), (54, 545), (55, 572), (51, 598), (42, 620), (30, 622), (21, 608), (20, 584), (24, 553)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(35, 577), (44, 582), (49, 596), (46, 612), (35, 620), (24, 613), (21, 598), (26, 583)] },
        ],
        refers_to: clinical!("Front of the knee in and around the patella, deep; spillover over the lower anterior thigh just above the knee."),
    },
    Pattern {
        muscle: "vastus_medialis",
        sites: &[
            Site { view: View::Anterior, at: (27, 565), label: clinical!("distal medial thigh, above the knee") },
            Site { view: View::Anterior, at: (33, 522), label: clinical!("mid medial thigh, upper part of the teardrop") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(27, 528), (37, 534), (39, 556), (35, 578), (27, 588), (19, 582), (15, 562), (18, 540)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(23, 577), (31, 583), (34, 598), (31, 613), (24, 623), (19, 619), (18, 605), (18, 590)] },
        ],
        refers_to: clinical!("Medial (inner) knee and the medial edge of the patella; spillover up the anteromedial thigh."),
    },
    Pattern {
        muscle: "vastus_lateralis",
        sites: &[
            Site { view: View::Anterior, at: (80, 450), label: clinical!("upper lateral thigh") },
            Site { view: View::Anterior, at: (72, 490), label: clinical!("mid lateral thigh") },
            Site { view: View::Posterior, at: (72, 500), label: clinical!("posterolateral thigh") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(78, 398), (85, 410), (86, 432), (83, 460), (78, 500), (70, 540), (62, 572), (56, 600), (55, 628), (50, 645), (42, 638), (39, 612), (41, 585), (46, 555), (51, 520), (55, 480), (60, 440), (68, 408)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(78, 412), (84, 424), (85, 440), (82, 465), (79, 490), (75, 515), (70, 540), (65, 562), (59, 585), (54, 603), (52, 618), (46, 620), (43, 606), (45, 588), (49, 565), (52, 540), (55, 515), (58, 490), (61, 465), (65, 440), (70, 420)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(79, 402), (85, 412), (86, 432), (83, 460), (78, 500), (70, 540), (62, 572), (57, 598), (55, 625), (50, 648), (43, 640), (45, 615), (49, 590), (52, 560), (55, 520), (58, 480), (64, 440), (72, 410)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(79, 430), (85, 442), (82, 465), (79, 490), (75, 515), (70, 540), (65, 562), (60, 582), (55, 598), (52, 590), (53, 565), (56, 540), (59, 512), (62, 488), (65, 462), (70, 440)] },
        ],
        refers_to: clinical!("Down the whole lateral thigh to the lateral knee (a broad lateral band); spillover toward the hip, the lateral patella and the back of the lateral knee."),
    },
    Pattern {
        muscle: "sartorius",
        sites: &[
            Site { view: View::Anterior, at: (57, 392), label: clinical!("upper course, below the ASIS") },
            Site { view: View::Anterior, at: (38, 458), label: clinical!("mid course, crossing the thigh") },
            Site { view: View::Anterior, at: (18, 540), label: clinical!("lower course, above the inner knee") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(65, 364), (68, 378), (62, 402), (55, 428), (49, 448), (41, 446), (46, 422), (53, 397), (59, 374)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(53, 430), (46, 458), (39, 492), (32, 526), (27, 558), (26, 588), (26, 612), (21, 624), (17, 612), (17, 590), (16, 560), (21, 524), (28, 488), (36, 452), (44, 426)] },
        ],
        refers_to: clinical!("Superficial sharp or tingling pain in a band along the muscle's course down and across the thigh to the medial knee; the upper course near the hip is less constant."),
    },
    // ------------------------------------------------------------------ adductor group
    Pattern {
        muscle: "pectineus",
        sites: &[Site { view: View::Anterior, at: (30, 415), label: clinical!("groin, floor of the femoral triangle") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(18, 420), (32, 424), (36, 444), (32, 466), (24, 474), (15, 466), (11, 446), (12, 428)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(20, 390), (31, 392), (39, 401), (38, 416), (31, 428), (21, 432), (12, 426), (10, 412), (13, 398)] },
        ],
        refers_to: clinical!("Deep ache in the groin just below the inguinal ligament; spillover over the upper anteromedial thigh."),
    },
    Pattern {
        muscle: "adductor_longus",
        sites: &[
            Site { view: View::Anterior, at: (15, 430), label: clinical!("upper inner thigh, near the pubis") },
            Site { view: View::Anterior, at: (19, 452), label: clinical!("upper inner thigh, medial border of the femoral triangle") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(16, 448), (25, 456), (29, 490), (28, 530), (25, 560), (16, 566), (12, 540), (9, 500), (8, 466)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(19, 620), (27, 626), (29, 658), (26, 696), (22, 726), (19, 724), (17, 698), (14, 664), (15, 636)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(20, 392), (31, 397), (34, 412), (30, 430), (23, 446), (15, 452), (10, 444), (9, 424), (12, 404)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(21, 560), (29, 569), (31, 588), (28, 606), (22, 614), (18, 604), (16, 586), (16, 569)] },
        ],
        refers_to: clinical!("Deep groin and the upper inner thigh, and the medial knee just above the joint; spillover along the inner thigh and down the medial shin."),
    },
    Pattern {
        muscle: "adductor_brevis",
        sites: &[Site { view: View::Anterior, at: (24, 428), label: clinical!("deep upper inner thigh, under pectineus and adductor longus") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(20, 560), (29, 570), (31, 592), (28, 610), (27, 650), (24, 690), (19, 700), (16, 680), (15, 640), (17, 604), (16, 575)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(21, 394), (32, 399), (35, 420), (31, 450), (26, 480), (19, 496), (12, 488), (8, 460), (9, 428), (13, 404)] },
        ],
        refers_to: clinical!("Deep groin and the upper inner thigh; spillover to the medial knee and the upper medial shin."),
    },
    Pattern {
        muscle: "adductor_magnus",
        sites: &[
            Site { view: View::Posterior, at: (17, 460), label: clinical!("posteromedial thigh, upper part") },
            Site { view: View::Anterior, at: (20, 510), label: clinical!("mid inner thigh (deep)") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(-10, 382), (0, 378), (10, 382), (13, 392), (8, 401), (0, 404), (-8, 401), (-13, 392)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(14, 428), (24, 432), (27, 470), (26, 510), (22, 550), (16, 560), (12, 530), (8, 490), (7, 450)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(14, 412), (26, 420), (30, 450), (29, 490), (26, 530), (22, 565), (17, 574), (13, 556), (10, 520), (8, 480), (7, 440), (9, 420)] },
        ],
        refers_to: clinical!("Anteromedial thigh from the groin nearly to the knee; spillover deep inside the pelvis (pubic, rectal or vaginal region) and over the posteromedial thigh."),
    },
    Pattern {
        muscle: "gracilis",
        sites: &[
            Site { view: View::Anterior, at: (8, 470), label: clinical!("mid inner thigh") },
            Site { view: View::Posterior, at: (9, 500), label: clinical!("inner edge of the thigh") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(17, 556), (25, 566), (27, 590), (24, 612), (19, 618), (17, 600), (16, 578), (14, 562)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(9, 430), (17, 436), (21, 470), (22, 510), (21, 545), (16, 560), (12, 548), (9, 510), (7, 470), (6, 442)] },
        ],
        refers_to: clinical!("Hot, stinging superficial pain up and down the inner thigh; spillover to the medial knee."),
    },
    // ------------------------------------------------------------------ hamstrings
    Pattern {
        muscle: "biceps_femoris",
        sites: &[
            Site { view: View::Posterior, at: (50, 505), label: clinical!("posterolateral thigh, mid belly") },
            Site { view: View::Posterior, at: (55, 560), label: clinical!("lower posterolateral thigh") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(52, 468), (62, 478), (66, 515), (64, 555), (57, 585), (55, 620), (53, 647), (44, 652), (37, 636), (42, 600), (48, 560), (50, 520), (48, 488)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(34, 580), (46, 576), (54, 588), (54, 606), (46, 620), (35, 621), (27, 611), (27, 592)] },
        ],
        refers_to: clinical!("Back of the knee, centred a little laterally; spillover up the posterolateral thigh and just below the knee into the upper calf."),
    },
    Pattern {
        muscle: "semitendinosus",
        sites: &[
            Site { view: View::Posterior, at: (31, 465), label: clinical!("posteromedial thigh, upper belly") },
            Site { view: View::Posterior, at: (32, 520), label: clinical!("posteromedial thigh, mid belly") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(18, 440), (34, 442), (40, 480), (38, 530), (34, 570), (31, 600), (32, 640), (26, 668), (17, 670), (12, 648), (15, 620), (16, 580), (12, 530), (8, 482), (8, 452)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(12, 404), (28, 404), (44, 410), (50, 422), (42, 436), (26, 440), (12, 436), (7, 422)] },
        ],
        refers_to: clinical!("Lower buttock along the gluteal fold and the adjoining back of the thigh; spillover down the posteromedial thigh to the back and inner side of the knee and the upper medial calf."),
    },
    Pattern {
        muscle: "semimembranosus",
        sites: &[
            Site { view: View::Posterior, at: (23, 560), label: clinical!("lower posteromedial thigh, bulky belly") },
            Site { view: View::Posterior, at: (28, 540), label: clinical!("posteromedial thigh, deep to semitendinosus") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(18, 440), (32, 443), (38, 480), (36, 530), (32, 566), (22, 570), (14, 548), (10, 500), (8, 460)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(18, 614), (28, 616), (31, 640), (26, 666), (18, 668), (13, 648), (15, 626)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(12, 404), (28, 404), (44, 410), (50, 422), (42, 436), (26, 440), (12, 436), (7, 422)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(19, 572), (28, 574), (33, 590), (29, 606), (21, 610), (18, 598), (17, 584)] },
        ],
        refers_to: clinical!("Lower buttock along the gluteal fold, and the posteromedial knee; spillover along the posteromedial thigh and into the upper medial calf."),
    },
    // ------------------------------------------------------------------ calf
    Pattern {
        muscle: "gastrocnemius",
        sites: &[
            Site { view: View::Posterior, at: (22, 640), label: clinical!("medial head, upper calf") },
            Site { view: View::Posterior, at: (46, 640), label: clinical!("lateral head, upper calf") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(21, 761), (29, 762), (37, 772), (38, 788), (29, 797), (20, 796), (18, 784), (19, 771)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(22, 768), (30, 771), (33, 781), (30, 791), (22, 794), (18, 787), (18, 776)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(26, 581), (42, 579), (54, 590), (54, 608), (44, 618), (30, 618), (20, 610), (18, 594)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(22, 700), (36, 700), (46, 712), (43, 740), (36, 760), (26, 760), (20, 742), (18, 718)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(22, 620), (33, 626), (37, 650), (35, 680), (28, 700), (18, 696), (13, 676), (12, 650), (15, 630)] },
        ],
        refers_to: clinical!("Instep of the foot (medial dorsum toward the arch) and the calf over the medial head; spillover to the back of the knee, the lower calf and the back of the ankle. Lateral-head TrPs refer more locally in the calf."),
    },
    Pattern {
        muscle: "soleus",
        sites: &[
            Site { view: View::Posterior, at: (23, 728), label: clinical!("distal calf, medial to the Achilles tendon") },
            Site { view: View::Posterior, at: (43, 725), label: clinical!("distal calf, lateral side") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(21, 625), (40, 620), (52, 638), (52, 668), (45, 690), (27, 694), (15, 678), (13, 648)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(23, 690), (36, 690), (46, 700), (44, 728), (36, 748), (24, 748), (17, 730), (16, 708)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(24, 765), (34, 763), (41, 770), (43, 784), (39, 796), (29, 799), (21, 793), (19, 779)] },
        ],
        refers_to: clinical!("Back and underside of the heel, and the lower calf around the TrP; spillover up the calf toward the back of the knee."),
    },
    Pattern {
        muscle: "popliteus",
        sites: &[
            Site { view: View::Posterior, at: (24, 628), label: clinical!("back of the knee, medial part (near the tibia)") },
            Site { view: View::Posterior, at: (38, 616), label: clinical!("back of the knee, mid fibres") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(24, 574), (44, 572), (55, 586), (54, 618), (48, 638), (32, 644), (19, 634), (17, 604), (17, 586)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(27, 586), (42, 585), (50, 595), (48, 612), (39, 622), (27, 624), (19, 614), (19, 598)] },
        ],
        refers_to: clinical!("Back of the knee, mainly the popliteal fossa; spillover just above and below it."),
    },
    Pattern {
        muscle: "tibialis_posterior",
        sites: &[Site { view: View::Posterior, at: (39, 660), label: clinical!("deep calf, central, upper third") }],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(28, 658), (44, 658), (50, 684), (46, 714), (41, 748), (43, 784), (38, 797), (27, 798), (19, 786), (20, 750), (22, 714), (21, 684)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(30, 712), (38, 712), (41, 730), (40, 758), (37, 778), (30, 780), (26, 762), (26, 732)] },
        ],
        refers_to: clinical!("Over the Achilles tendon above the heel; spillover up the middle of the calf and down over the heel and the whole sole."),
    },
    // ------------------------------------------------------------------ front and side of the leg
    Pattern {
        muscle: "tibialis_anterior",
        sites: &[Site { view: View::Anterior, at: (42, 650), label: clinical!("upper third of the shin, just lateral to the crest") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(37, 636), (45, 640), (46, 672), (42, 706), (36, 734), (28, 738), (27, 706), (30, 672), (32, 646)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(25, 740), (34, 737), (40, 746), (38, 760), (30, 767), (23, 764), (22, 752)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(19, 780), (25, 780), (28, 789), (26, 797), (20, 797), (16, 790)] },
        ],
        refers_to: clinical!("Front of the ankle (anteromedial) and the big toe; spillover down the anterior shin from the TrP."),
    },
    Pattern {
        muscle: "fibularis_longus",
        sites: &[
            Site { view: View::Anterior, at: (57, 650), label: clinical!("lateral leg, upper third over the fibula") },
            Site { view: View::Posterior, at: (58, 655), label: clinical!("lateral leg, upper third") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(51, 680), (54, 690), (50, 712), (47, 730), (42, 736), (42, 716), (46, 696)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(38, 738), (43, 741), (40, 752), (41, 763), (44, 774), (47, 786), (45, 795), (40, 794), (37, 781), (35, 766), (34, 750)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(50, 684), (55, 694), (52, 712), (47, 730), (41, 734), (42, 714), (46, 698)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(37, 734), (43, 738), (41, 752), (41, 765), (43, 777), (39, 786), (34, 777), (33, 761), (33, 746)] },
        ],
        refers_to: clinical!("Around and behind the lateral malleolus, and a short way along the lateral border of the foot; spillover over the lower lateral leg."),
    },
    Pattern {
        muscle: "fibularis_brevis",
        sites: &[
            Site { view: View::Anterior, at: (49, 719), label: clinical!("lower lateral leg over the fibula") },
            Site { view: View::Posterior, at: (49, 720), label: clinical!("lower lateral leg") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(36, 760), (41, 762), (44, 772), (47, 786), (42, 794), (37, 788), (34, 774)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(40, 740), (44, 744), (41, 753), (41, 763), (45, 773), (48, 786), (46, 795), (41, 794), (38, 781), (36, 766), (36, 750)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(36, 738), (42, 740), (41, 753), (41, 766), (44, 778), (40, 788), (35, 779), (33, 762), (33, 747)] },
        ],
        refers_to: clinical!("Behind and below the lateral malleolus and along the lateral border of the foot toward the fifth metatarsal."),
    },
    Pattern {
        muscle: "extensor_digitorum_longus",
        sites: &[Site { view: View::Anterior, at: (52, 640), label: clinical!("anterolateral leg, upper third") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(41, 702), (48, 706), (46, 730), (41, 752), (34, 761), (30, 750), (34, 726)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(32, 765), (40, 764), (44, 772), (47, 786), (44, 796), (34, 798), (26, 796), (27, 784), (29, 772)] },
        ],
        refers_to: clinical!("Dorsum of the foot out to the middle three toes; spillover over the front of the ankle and the lower anterolateral leg."),
    },
    Pattern {
        muscle: "extensor_hallucis_longus",
        sites: &[
            Site { view: View::Anterior, at: (40, 725), label: clinical!("lower third of the anterior leg") },
            Site { view: View::Anterior, at: (47, 680), label: clinical!("middle of the anterolateral leg (deep)") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(29, 720), (38, 722), (38, 745), (33, 762), (25, 763), (24, 742)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(22, 767), (30, 770), (32, 782), (28, 796), (20, 797), (17, 788), (18, 776)] },
        ],
        refers_to: clinical!("Dorsum of the foot toward the big toe (first metatarsal head); spillover over the front of the ankle."),
    },
    // ------------------------------------------------------------------ foot
    Pattern {
        muscle: "abductor_hallucis",
        sites: &[Site { view: View::Anterior, at: (17, 786), label: clinical!("medial border of the foot, along the arch") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(18, 771), (22, 771), (24, 781), (24, 792), (20, 797), (16, 793), (16, 781)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(19, 775), (26, 776), (28, 787), (25, 797), (19, 795), (16, 786)] },
        ],
        refers_to: clinical!("Medial side of the heel and the instep along the medial border of the foot."),
    },
    Pattern {
        muscle: "extensor_digitorum_brevis",
        sites: &[Site { view: View::Anterior, at: (45, 780), label: clinical!("lateral dorsum of the foot, in front of the ankle") }],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(37, 766), (43, 768), (47, 780), (46, 792), (40, 796), (34, 790), (33, 776)] },
        ],
        refers_to: clinical!("Local ache over the dorsum of the foot around the muscle."),
    },
];

#[rustfmt::skip]
pub const CAUTIONS: &[Caution] = &[
    Caution { muscle: "pectineus", kind: CautionKind::NerveVessel,
              reason: clinical!("The femoral artery, vein and nerve cross the femoral triangle right over the pectineus; the artery and vein lie directly on it."),
              guidance: clinical!("Palpate the femoral pulse and keep a finger on it; insert medial to the pulse, directing the needle down-medially toward the pubis, never laterally under the vessels. Use a short needle and moderate depth.") },
    Caution { muscle: "adductor_longus", kind: CautionKind::NerveVessel,
              reason: clinical!("Its upper part forms the medial border of the femoral triangle; the femoral vessels and nerve lie just lateral to it."),
              guidance: clinical!("Palpate the femoral pulse and stay medial to it. Lift the belly away from the femur in a pincer grip at the inner thigh and needle into the muscle held between your fingers, directed medially and down toward the pubis, never laterally toward the pulse.") },
    Caution { muscle: "popliteus", kind: CautionKind::NerveVessel,
              reason: clinical!("The popliteal artery and vein and the tibial nerve run down the middle of the knee pit over the popliteus."),
              guidance: clinical!("Never needle straight through the centre of the popliteal fossa. With the knee slightly bent, approach from the medial side of the leg, just posteromedial to the tibia, directing the needle laterally along the back of the bone.") },
];
