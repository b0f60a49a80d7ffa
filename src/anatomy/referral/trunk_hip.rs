//! Referral patterns and cautions: see `super` for the coordinate conventions.

use super::*;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    // ---------------------------------------------------------------- abdominal wall
    Pattern {
        muscle: "rectus_abdominis",
        sites: &[
            Site { view: View::Anterior, at: (14, 258), label: clinical!("upper rectus, just below the costal margin") },
            Site { view: View::Anterior, at: (10, 372), label: clinical!("lower rectus, above the pubic crest") },
        ],
        zones: &[
            // upper TrPs: a horizontal band across the mid back, both sides
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(-46, 252), (-30, 246), (0, 244), (30, 246), (46, 252), (50, 262), (46, 272), (30, 277), (0, 278), (-30, 277), (-46, 272), (-50, 262)] },
            // lower TrPs: a band across the low back, dipping over the sacrum
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(-48, 342), (-30, 338), (0, 337), (30, 338), (48, 342), (54, 352), (48, 362), (28, 366), (20, 378), (12, 390), (0, 395), (-12, 390), (-20, 378), (-28, 366), (-48, 362), (-54, 352)] },
        ],
        refers_to: clinical!("Upper TrPs: a horizontal band across the mid back at the level of the lower thoracic spine, both sides. Lower TrPs: a horizontal band across the low back at the iliac crests and down over the sacrum."),
    },
    Pattern {
        muscle: "external_oblique",
        sites: &[
            Site { view: View::Anterior, at: (52, 338), label: clinical!("lower lateral abdominal wall, above the iliac crest") },
            Site { view: View::Anterior, at: (45, 356), label: clinical!("just above the inguinal ligament") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(10, 318), (30, 310), (50, 314), (62, 326), (64, 342), (58, 358), (44, 370), (26, 378), (10, 376), (3, 362), (2, 340), (3, 326)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(22, 378), (36, 370), (50, 367), (57, 375), (52, 389), (40, 401), (27, 409), (16, 410), (12, 400), (14, 388)] },
        ],
        refers_to: clinical!("Groin and the lower quadrant of the abdomen on the same side; may spread over the lower abdominal wall."),
    },
    // ---------------------------------------------------------------- back: erector spinae
    Pattern {
        muscle: "iliocostalis_thoracis",
        sites: &[
            Site { view: View::Posterior, at: (45, 240), label: clinical!("lateral erector column, mid-thoracic (about T7-T8)") },
            Site { view: View::Posterior, at: (43, 275), label: clinical!("lateral erector column, lower thoracic (about T11)") },
        ],
        zones: &[
            // up toward the inferior angle and medial border of the scapula
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(22, 200), (34, 204), (44, 214), (50, 232), (46, 252), (37, 270), (28, 285), (20, 278), (16, 258), (16, 232), (17, 214)] },
            // lower levels also send pain down into the lumbar region
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(22, 282), (38, 284), (44, 298), (42, 318), (32, 330), (22, 324), (17, 304)] },
            // and around to the front of the abdomen
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(16, 276), (34, 270), (50, 276), (58, 290), (54, 306), (38, 314), (20, 310), (12, 296)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(10, 262), (34, 254), (54, 262), (64, 282), (62, 306), (52, 322), (32, 328), (14, 322), (5, 304), (5, 280)] },
        ],
        refers_to: clinical!("Mid-thoracic TrPs: upward toward the inferior angle and along the medial border of the scapula. Lower thoracic TrPs: same, plus downward into the lumbar region and forward to the same side of the abdomen (may mimic visceral pain)."),
    },
    Pattern {
        muscle: "iliocostalis_lumborum",
        sites: &[
            Site { view: View::Posterior, at: (35, 320), label: clinical!("lateral erector column, upper lumbar (about L1-L2)") },
            Site { view: View::Posterior, at: (32, 345), label: clinical!("lateral erector column above the iliac crest") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(28, 316), (42, 314), (50, 330), (52, 350), (44, 362), (30, 362), (23, 348), (23, 330)] },
            // concentrated over the middle of the buttock
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(36, 362), (52, 366), (62, 378), (64, 396), (56, 411), (42, 415), (30, 408), (26, 392), (28, 374)] },
        ],
        refers_to: clinical!("Downward over the lower lumbar region into the middle of the buttock on the same side."),
    },
    Pattern {
        muscle: "longissimus_thoracis",
        sites: &[
            Site { view: View::Posterior, at: (19, 290), label: clinical!("middle erector column, lower thoracic (T10-L1)") },
            Site { view: View::Posterior, at: (15, 250), label: clinical!("middle erector column, mid-thoracic") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(10, 296), (24, 296), (30, 320), (32, 346), (26, 364), (14, 364), (8, 344), (7, 318)] },
            // several segments below the TrP: lower buttock near the sacroiliac joint
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(22, 370), (36, 372), (46, 382), (48, 398), (40, 411), (26, 412), (16, 402), (14, 385)] },
        ],
        refers_to: clinical!("Well below the TrP: the lower buttock beside the sacroiliac joint, with spill over the lumbar paraspinal region on the way."),
    },
    Pattern {
        muscle: "multifidus",
        sites: &[
            Site { view: View::Posterior, at: (8, 320), label: clinical!("beside the spinous processes, L2-L3") },
            Site { view: View::Posterior, at: (10, 365), label: clinical!("lumbosacral, beside L5-S1") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(-3, 300), (12, 294), (24, 304), (28, 330), (28, 360), (24, 384), (12, 400), (0, 400), (-5, 380), (-5, 340)] },
            // local, around the TrP next to the spine
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(2, 306), (10, 303), (18, 310), (20, 328), (18, 342), (10, 348), (2, 344), (-1, 326)] },
            // lower levels: over the sacrum down to the coccyx
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(3, 356), (14, 356), (21, 366), (21, 382), (16, 395), (8, 403), (2, 403), (-3, 392), (-3, 370)] },
        ],
        refers_to: clinical!("Local, around the TrP beside the spinous processes; from the lower lumbar and lumbosacral levels also over the sacrum and down to the coccyx."),
    },
    Pattern {
        muscle: "quadratus_lumborum",
        sites: &[
            Site { view: View::Posterior, at: (54, 322), label: clinical!("lateral border, between rib 12 and the iliac crest") },
            Site { view: View::Posterior, at: (42, 332), label: clinical!("deep medial fibres, near the lumbar transverse processes") },
        ],
        zones: &[
            // superficial fibres: along the iliac crest and over the greater trochanter
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(24, 349), (36, 341), (50, 336), (64, 335), (72, 338), (74, 346), (68, 352), (54, 352), (40, 355), (28, 360), (21, 357)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(77, 378), (83, 385), (85, 396), (84, 408), (78, 414), (72, 406), (71, 392), (72, 382)] },
            // deep fibres: sacroiliac joint and lower buttock
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(14, 358), (24, 360), (28, 372), (26, 388), (18, 394), (12, 386), (10, 370)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(20, 398), (40, 398), (56, 404), (60, 416), (48, 424), (30, 424), (14, 420), (12, 408)] },
            // forward into the lower abdomen
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(40, 330), (56, 330), (64, 342), (60, 356), (48, 366), (36, 368), (30, 356), (32, 340)] },
        ],
        refers_to: clinical!("Superficial fibres: along the iliac crest, over the greater trochanter and lateral hip, sometimes into the lower abdomen. Deep fibres: the sacroiliac joint and the lower buttock."),
    },
    Pattern {
        muscle: "iliopsoas",
        sites: &[
            Site { view: View::Anterior, at: (14, 310), label: clinical!("psoas beside the lumbar spine, through the abdominal wall") },
            Site { view: View::Anterior, at: (50, 350), label: clinical!("iliacus, inside the iliac crest") },
            Site { view: View::Anterior, at: (44, 395), label: clinical!("upper thigh below the inguinal ligament, lateral to the femoral artery") },
        ],
        zones: &[
            // vertical band beside the lumbar spine down to the sacroiliac region
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(5, 266), (15, 264), (21, 290), (23, 330), (27, 356), (30, 376), (23, 391), (11, 386), (5, 360), (2, 320), (2, 290)] },
            // groin and upper front of the thigh
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(34, 382), (48, 376), (60, 384), (66, 400), (66, 425), (62, 446), (52, 456), (40, 452), (32, 438), (28, 420), (28, 400)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(30, 430), (50, 430), (64, 448), (62, 478), (50, 494), (36, 490), (28, 470), (26, 450)] },
        ],
        refers_to: clinical!("A vertical band along the lumbar spine on the same side, down to the sacroiliac region and upper buttock; in front, the groin and the upper anteromedial thigh."),
    },
    // ---------------------------------------------------------------- hip
    Pattern {
        muscle: "gluteus_maximus",
        sites: &[
            Site { view: View::Posterior, at: (22, 392), label: clinical!("medial buttock beside the sacrum") },
            Site { view: View::Posterior, at: (36, 412), label: clinical!("lower buttock, above the ischial tuberosity") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(24, 364), (44, 368), (64, 378), (76, 392), (78, 410), (70, 426), (50, 432), (28, 428), (14, 420), (12, 400), (14, 378)] },
            // crescent along the sacroiliac joint and sacral border down to the coccyx
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(12, 352), (22, 354), (28, 366), (28, 384), (24, 398), (14, 405), (5, 404), (2, 394), (5, 378), (8, 362)] },
            // lower buttock
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(30, 402), (48, 404), (62, 412), (64, 423), (52, 430), (34, 428), (22, 422), (20, 410)] },
        ],
        refers_to: clinical!("Along the sacroiliac joint and the lateral border of the sacrum, down toward the coccyx, and over the lower buttock; spill over the whole buttock."),
    },
    Pattern {
        muscle: "gluteus_medius",
        sites: &[
            Site { view: View::Posterior, at: (40, 354), label: clinical!("posterior fibres just below the crest, near the PSIS") },
            Site { view: View::Posterior, at: (64, 352), label: clinical!("middle fibres below the iliac crest") },
            Site { view: View::Posterior, at: (78, 362), label: clinical!("anterior fibres below the crest") },
        ],
        zones: &[
            // along the posterior crest to the sacroiliac joint and sacrum
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(14, 350), (30, 342), (50, 338), (66, 338), (74, 344), (70, 354), (52, 356), (34, 362), (24, 372), (16, 382), (8, 376), (8, 360)] },
            // mid and lateral buttock
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(32, 368), (50, 370), (70, 378), (81, 392), (80, 408), (66, 412), (44, 408), (30, 398), (26, 384)] },
            // upper lateral thigh, both views
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(74, 410), (83, 414), (85, 430), (82, 450), (76, 456), (71, 444), (71, 424)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(74, 410), (83, 414), (85, 430), (82, 450), (76, 456), (71, 444), (71, 424)] },
        ],
        refers_to: clinical!("Along the posterior iliac crest to the sacroiliac joint and sacrum, over the middle and lateral buttock; spill to the upper lateral thigh."),
    },
    Pattern {
        muscle: "gluteus_minimus",
        sites: &[
            Site { view: View::Posterior, at: (80, 376), label: clinical!("anterior fibres, deep below the anterior iliac crest") },
            Site { view: View::Posterior, at: (50, 364), label: clinical!("posterior fibres, deep in the upper buttock") },
        ],
        zones: &[
            // anterior part: the lateral thigh, both views
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(72, 418), (82, 418), (85, 432), (82, 460), (79, 490), (75, 515), (70, 540), (64, 562), (58, 566), (56, 548), (59, 520), (63, 490), (65, 460), (67, 436)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(72, 418), (82, 418), (85, 432), (82, 460), (79, 490), (75, 515), (70, 540), (64, 562), (58, 566), (56, 548), (59, 520), (63, 490), (65, 460), (67, 436)] },
            // ... on past the lateral knee, down the lateral leg to the ankle
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(58, 560), (64, 566), (58, 585), (54, 600), (54, 620), (56, 640), (50, 645), (46, 628), (46, 600), (50, 578)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(50, 630), (57, 640), (56, 670), (52, 700), (46, 728), (41, 742), (37, 738), (39, 710), (44, 680), (46, 652)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(36, 740), (41, 746), (41, 760), (38, 770), (32, 770), (30, 756)] },
            // posterior part: lower buttock, back of the thigh and the calf
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(40, 380), (60, 384), (70, 398), (66, 414), (50, 420), (36, 414), (32, 398)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(38, 428), (52, 430), (56, 470), (54, 520), (50, 560), (42, 566), (36, 540), (34, 490), (34, 450)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(28, 615), (44, 612), (52, 630), (50, 670), (42, 700), (32, 700), (24, 670), (22, 640)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(42, 566), (50, 568), (52, 590), (50, 612), (42, 616), (36, 600), (36, 580)] },
        ],
        refers_to: clinical!("Anterior fibres: down the lateral thigh, the lateral knee and the lateral leg to the ankle (\"pseudo-sciatica\"). Posterior fibres: the lower buttock, the back of the thigh and the calf."),
    },
    Pattern {
        muscle: "piriformis",
        sites: &[
            Site { view: View::Posterior, at: (30, 390), label: clinical!("medial belly, near the sacrum (deep)") },
            Site { view: View::Posterior, at: (62, 390), label: clinical!("lateral belly, toward the greater trochanter (deep)") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(10, 360), (22, 360), (28, 372), (26, 388), (16, 392), (8, 384), (6, 370)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(40, 378), (58, 378), (74, 384), (82, 394), (80, 408), (66, 414), (48, 412), (36, 402), (34, 388)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(30, 420), (52, 420), (66, 430), (64, 460), (56, 490), (44, 496), (34, 482), (28, 450)] },
        ],
        refers_to: clinical!("The sacroiliac region, across the buttock to the back of the hip joint; spill to the upper two thirds of the posterior thigh."),
    },
    Pattern {
        muscle: "tensor_fasciae_latae",
        sites: &[
            Site { view: View::Anterior, at: (76, 372), label: clinical!("belly below and behind the ASIS") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(72, 388), (82, 392), (86, 410), (85, 432), (82, 460), (78, 490), (72, 515), (64, 524), (57, 510), (57, 475), (60, 440), (64, 405)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(60, 512), (71, 520), (68, 545), (62, 570), (57, 588), (50, 592), (48, 570), (52, 540)] },
        ],
        refers_to: clinical!("Over the greater trochanter and down the anterolateral thigh toward the knee."),
    },
];

#[rustfmt::skip]
pub const CAUTIONS: &[Caution] = &[
    Caution {
        muscle: "iliocostalis_thoracis",
        kind: CautionKind::Lung,
        reason: clinical!("The thoracic erector column lies on the ribs; the pleura and lung are just beneath, only a few centimetres from the skin in a lean patient."),
        guidance: clinical!("Needle over a rib, never into the space between ribs: fix the rib between two fingers, direct the needle obliquely toward the rib angle or medially toward the transverse process, keep shallow and stop on bone. Do not needle both sides of the thorax in one session."),
    },
    Caution {
        muscle: "piriformis",
        kind: CautionKind::NerveVessel,
        reason: clinical!("The sciatic nerve leaves the pelvis just below the piriformis, and in some people runs through it."),
        guidance: clinical!("Locate the nerve's line first: about midway between the ischial tuberosity and the greater trochanter. Needle the muscle lateral to that line, toward the trochanter. Stop and withdraw at once if a sharp, shooting or electric pain runs down the leg."),
    },
    Caution {
        muscle: "quadratus_lumborum",
        kind: CautionKind::Organ,
        reason: clinical!("The kidney lies in front of the upper quadratus lumborum, close to rib 12."),
        guidance: clinical!("Position the patient side-lying (treated side up, a pillow under the waist). Insert from the side, lateral to the erector column, and aim medially toward the lumbar transverse processes. Stay below rib 12, stop on bone and never angle the needle forward (anteriorly)."),
    },
];
