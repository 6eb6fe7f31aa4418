package kcwb.app.gui.preview;

import javafx.scene.Node;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/** The Preview entry of the navigation: the app's first screen. */
public final class PreviewWorkbenchView implements WorkbenchView {
    /**
     * What the screen shows on first start: comments that exercise every rule (laughter runs, emoji, a URL,
     * a Naver mask, repeated punctuation) and one long enough to be cut at max_len 64.
     */
    static final String SEED_COMMENTS = String.join("\n",
            "ㅋㅋㅋㅋㅋㅋ 진짜 웃기네 😂😂 https://news.naver.com/article/001 여기 봐봐 뷁",
            "아니 이게 말이 됨??? 10000원 주고 샀는데 ㅠㅠㅠㅠ 환불해줘요!!!!",
            "OOO 의원 또 저러네.. ㄹㅇ 노답 👍🏻👍🏻",
            "민초 싫어하는 사람 손 ✋ (나는 좋아함)",
            "오늘 경기 진짜 레전드였다 전반에는 답답했는데 후반 들어서 교체 투입된 선수가 연속 골 넣고 분위기 완전히 "
                    + "바뀜 감독 용병술 인정합니다 다음 경기도 이렇게만 하자 응원합니다 화이팅 ㅎㅎㅎ");

    @Override
    public String id() {
        return "preview";
    }

    @Override
    public String titleKey() {
        return "nav.preview";
    }

    @Override
    public Node createContent(ViewContext context) {
        PreviewViewModel viewModel = new PreviewViewModel(context.i18n(), context.taskRunner(), SEED_COMMENTS);
        return new PreviewView(viewModel, context.i18n()).root();
    }
}
